/* watch.c — `quire watch`: render, then render again whatever an edit
 * touches.
 *
 * inotify only wakes the loop; what changed is decided by comparing each
 * input's stat (device, inode, size, mtime, ctime) with the one taken
 * before it was last read. So an editor that saves by writing a new file
 * and renaming it over the old one is seen (new inode), events on
 * unrelated files of a watched directory (our own outputs, editor swap
 * files) render nothing, and an edit made while a render ran is caught by
 * the comparison right after it. A dataset that did not load has no
 * complete list of inputs (its CSV file may be what is broken): any
 * visible file event in one of its directories renders it again. */
#define _GNU_SOURCE
#include "watch.h"

#include "exit_code.h"
#include "input_path.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Quiet time after the last event before rendering (editors write in
 * several steps), and the longest a stream of events may delay it. */
#define DEBOUNCE_MS 200
#define DEBOUNCE_MAX_MS 1000

#define DIR_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | \
                    IN_ATTRIB)
#define FILE_EVENTS (IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

typedef struct watched {
    input_list inputs;
    file_sig *sigs;      /* one per input, taken before it was read */
    int complete;
    int due;             /* to render in the next pass */
    char *home;          /* the real folder of the dataset file at the start */
} watched;

typedef struct watch_dir {
    char *path;
    int wd;
} watch_dir;

/* What the inotify instance watches. */
typedef struct watch_set {
    watch_dir *dirs;     /* the directories of the inputs */
    size_t n_dirs;
    int *wds;            /* every watch: the directories' and the files' */
    size_t n_wds;
} watch_set;

typedef struct watcher {
    const cli_options *o;
    watch_render_fn render;
    watched *ds;         /* one per dataset of o */
    int ifd, sfd;
    watch_set watching;
    int overflow;        /* the kernel dropped events: check everything */
} watcher;

/* ---- signatures ---- */

static file_sig sig_of(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return (file_sig){0};
    return (file_sig){1, st.st_dev, st.st_ino, st.st_size, st.st_mtim, st.st_ctim};
}

static int same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

static int sig_equal(const file_sig *a, const file_sig *b)
{
    if (!a->exists || !b->exists)
        return a->exists == b->exists;
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           same_time(a->mtim, b->mtim) && same_time(a->ctim, b->ctim);
}

/* ---- what a pass leaves ---- */

/* The templates that failed to parse: a dataset bound to none of them
 * still depends on them (its template is one). */
static int add_failed_templates(input_list *l, const prepared *p)
{
    int rc = 0;
    for (size_t i = 0; i < p->n_cache; i++)
        if (!p->cache[i].src)
            rc |= inputs_add(l, p->cache[i].path);
    return rc;
}

int watch_collect(watch_pass *pass, const cli_options *o, const prepared *p)
{
    int rc = 0;
    for (size_t i = 0; i < o->n_datasets; i++) {
        rc |= inputs_add(&pass->inputs[i], o->datasets[i]);
        if (i >= p->n_items)
            continue;
        const prepared_item *it = &p->items[i];
        rc |= inputs_of_item(it, &pass->inputs[i]);
        pass->complete[i] = it->dataset && it->tmpl;
        if (it->dataset && !it->tmpl)
            rc |= add_failed_templates(&pass->inputs[i], p);
    }
    for (size_t i = 0; rc == 0 && i < o->n_datasets; i++) {
        const input_list *l = &pass->inputs[i];
        pass->sigs[i] = calloc(l->n ? l->n : 1, sizeof **pass->sigs);
        if (!pass->sigs[i])
            return -1;
        for (size_t j = 0; j < l->n; j++)
            pass->sigs[i][j] = sig_of(l->paths[j]);
    }
    return rc ? -1 : 0;
}

/* The first input of w that changed since its signature, or NULL. */
static const char *first_changed(const watched *w)
{
    for (size_t i = 0; i < w->inputs.n; i++) {
        file_sig now = sig_of(w->inputs.paths[i]);
        if (!sig_equal(&now, &w->sigs[i]))
            return w->inputs.paths[i];
    }
    return NULL;
}

static long find_input(const input_list *l, const char *path)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->paths[i], path) == 0)
            return (long)i;
    return -1;
}

/* Takes the pass's list for w: signatures from before the pass for the
 * files known then (before), from right after loading for the others (the
 * pass's; none when it stopped before collecting). An incomplete list adds
 * to the old one instead of replacing it. */
static int adopt(watched *w, const input_list *fresh, const file_sig *loaded, int complete,
                 const file_sig *before)
{
    input_list merged = {0};
    int rc = 0;
    if (!complete)
        for (size_t i = 0; i < w->inputs.n; i++)
            rc |= inputs_add(&merged, w->inputs.paths[i]);
    for (size_t i = 0; i < fresh->n; i++)
        rc |= inputs_add(&merged, fresh->paths[i]);
    file_sig *sigs = calloc(merged.n ? merged.n : 1, sizeof *sigs);
    if (rc || !sigs) {
        input_list_free(&merged);
        free(sigs);
        return -1;
    }
    for (size_t i = 0; i < merged.n; i++) {
        long old = find_input(&w->inputs, merged.paths[i]);
        long now = find_input(fresh, merged.paths[i]);
        sigs[i] = old >= 0 ? before[old] : loaded && now >= 0 ? loaded[now]
                                                               : sig_of(merged.paths[i]);
    }
    input_list_free(&w->inputs);
    free(w->sigs);
    w->inputs = merged;
    w->sigs = sigs;
    w->complete = complete;
    return 0;
}

/* ---- one pass ---- */

/* SIGINT and SIGTERM are blocked and read from a signalfd while watch
 * waits, and delivered to on_stop while a pass runs: the render blocks
 * them itself, and its export processes must start with them unblocked
 * (they stop on SIGTERM). */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
    stop_signal = sig;
}

static void stop_signals(sigset_t *set)
{
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
}

static int signals_open(void)
{
    sigset_t set;
    stop_signals(&set);
    struct sigaction sa = {0};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0 ||
        sigprocmask(SIG_BLOCK, &set, NULL) != 0)
        return -1;
    return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/* 1 when SIGINT or SIGTERM came (during a pass, or pending now). */
static int stop_requested(int sfd)
{
    struct signalfd_siginfo si;
    return stop_signal || read(sfd, &si, sizeof si) == (ssize_t)sizeof si;
}

/* One pass with the stop signals delivered to on_stop. */
static int render_unblocked(watcher *wt, const cli_options *sub, watch_pass *pass)
{
    sigset_t set;
    stop_signals(&set);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    int code = wt->render(sub, pass);
    sigprocmask(SIG_BLOCK, &set, NULL);
    return code;
}

/* The real folder of the file at path (symlinks resolved), malloc'd, or
 * NULL. */
static char *real_folder(const char *path)
{
    char *real = realpath(path, NULL);
    char *slash = real ? strrchr(real, '/') : NULL;
    if (slash)
        slash[slash == real] = '\0';
    return real;
}

/* 1 when dataset i still lives in the folder it was in when watch started:
 * one replaced by a symlink out of it is not read (and never quoted), as a
 * csv: file's symlink out of the folder would not be. */
static int still_home(const watcher *wt, size_t i)
{
    const watched *w = &wt->ds[i];
    char *now = real_folder(wt->o->datasets[i]);
    int home = !w->home || !now || strcmp(now, w->home) == 0;
    if (!home)
        fprintf(stderr, "%s: error: the dataset is now a symlink out of its folder %s; not "
                        "read until it is back\n", wt->o->datasets[i], w->home);
    free(now);
    return home;
}

/* The due datasets' paths and indexes, and their inputs' signatures now,
 * before the pass reads them. Returns 0, or -1 when out of memory. */
static int take_due(const watcher *wt, const char **paths, size_t *index, file_sig **before)
{
    size_t k = 0;
    for (size_t i = 0; i < wt->o->n_datasets; i++) {
        const watched *w = &wt->ds[i];
        if (!w->due || !still_home(wt, i))
            continue;
        before[k] = calloc(w->inputs.n ? w->inputs.n : 1, sizeof **before);
        if (!before[k])
            return -1;
        for (size_t j = 0; j < w->inputs.n; j++)
            before[k][j] = sig_of(w->inputs.paths[j]);
        index[k] = i;
        paths[k++] = wt->o->datasets[i];
    }
    return 0;
}

/* Renders the datasets that are due. Returns the render's exit code, or
 * EXIT_EXPORT when out of memory. */
static int run_pass(watcher *wt)
{
    const cli_options *o = wt->o;
    size_t n = 0;
    for (size_t i = 0; i < o->n_datasets; i++)
        n += wt->ds[i].due;
    const char **paths = calloc(n ? n : 1, sizeof *paths);
    size_t *index = calloc(n ? n : 1, sizeof *index);
    file_sig **before = calloc(n ? n : 1, sizeof *before);
    watch_pass pass = {calloc(n ? n : 1, sizeof(input_list)),
                       calloc(n ? n : 1, sizeof(file_sig *)), calloc(n ? n : 1, sizeof(int))};
    int code = EXIT_EXPORT;
    if (!paths || !index || !before || !pass.inputs || !pass.sigs || !pass.complete ||
        take_due(wt, paths, index, before) != 0)
        goto cleanup;
    for (size_t i = 0; i < o->n_datasets; i++)
        wt->ds[i].due = 0;   /* the ones taken, and the ones away from home */
    while (n > 0 && !paths[n - 1])
        n--;                 /* take_due took fewer */
    if (n == 0) {
        code = EXIT_INVALID;
        goto cleanup;
    }
    cli_options sub = *o;
    sub.datasets = paths;
    sub.n_datasets = n;
    sub.keep_going = 1;   /* one broken dataset leaves the others rendering */
    code = render_unblocked(wt, &sub, &pass);
    for (size_t j = 0; j < n; j++) {
        watched *w = &wt->ds[index[j]];
        w->due = 0;
        if (adopt(w, &pass.inputs[j], pass.sigs[j], pass.complete[j], before[j]) != 0) {
            fprintf(stderr, "quire: watch: out of memory\n");
            code = EXIT_EXPORT;
        }
    }
cleanup:
    for (size_t j = 0; pass.inputs && j < n; j++)
        input_list_free(&pass.inputs[j]);
    for (size_t j = 0; pass.sigs && j < n; j++)
        free(pass.sigs[j]);
    free(pass.sigs);
    for (size_t j = 0; before && j < n; j++)
        free(before[j]);
    free(pass.inputs);
    free(pass.complete);
    free(before);
    free(index);
    free(paths);
    return code;
}

/* ---- inotify ---- */

static void set_free(watch_set *ws)
{
    for (size_t i = 0; i < ws->n_dirs; i++)
        free(ws->dirs[i].path);
    free(ws->dirs);
    free(ws->wds);
    *ws = (watch_set){0};
}

static int dir_wd(const watch_set *ws, const char *dir)
{
    for (size_t i = 0; i < ws->n_dirs; i++)
        if (strcmp(ws->dirs[i].path, dir) == 0)
            return ws->dirs[i].wd;
    return -1;
}

static int set_has_wd(const watch_set *ws, int wd)
{
    for (size_t i = 0; i < ws->n_wds; i++)
        if (ws->wds[i] == wd)
            return 1;
    return 0;
}

static int set_add_wd(watch_set *ws, int wd)
{
    if (wd < 0 || set_has_wd(ws, wd))
        return 0;
    int *w = realloc(ws->wds, (ws->n_wds + 1) * sizeof *w);
    if (!w)
        return -1;
    ws->wds = w;
    ws->wds[ws->n_wds++] = wd;
    return 0;
}

/* Marks every incomplete dataset one of whose directories is wd. */
static void mark_incomplete(watcher *wt, int wd)
{
    for (size_t i = 0; i < wt->o->n_datasets; i++) {
        watched *w = &wt->ds[i];
        for (size_t j = 0; !w->complete && !w->due && j < w->inputs.n; j++) {
            char dir[PATH_MAX];
            if (input_dir_of(w->inputs.paths[j], dir, sizeof dir) == 0 &&
                dir_wd(&wt->watching, dir) == wd)
                w->due = 1;
        }
    }
}

/* Hidden files and backups are what editors write beside a file. */
static int is_visible(const char *name)
{
    size_t n = strlen(name);
    return n > 0 && name[0] != '.' && name[n - 1] != '~';
}

/* Reads what inotify has; returns how many events there were. */
static int drain_events(watcher *wt)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int count = 0;
    for (;;) {
        ssize_t len = read(wt->ifd, buf, sizeof buf);
        if (len <= 0)
            return count;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            count++;
            if (ev->mask & IN_Q_OVERFLOW)
                wt->overflow = 1;
            else if (ev->len > 0 && is_visible(ev->name))
                mark_incomplete(wt, ev->wd);
            p += sizeof *ev + ev->len;
        }
    }
}

/* inotify_add_watch, with a warning (once a run) when the reason is not
 * just that the file is missing: out of watches (ENOSPC), no permission. */
static int add_watch(int ifd, const char *path, uint32_t mask)
{
    static int warned;
    int wd = inotify_add_watch(ifd, path, mask);
    if (wd < 0 && errno != ENOENT && errno != ENOTDIR && !warned) {
        warned = 1;
        fprintf(stderr, "quire: watch: warning: cannot watch %s: %s%s\n", path, strerror(errno),
                errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
    }
    return wd;
}

/* Watches path itself (a symlink's target is seen changing only so) and
 * its directory (a save by rename, a file that appears). */
static int watch_input(int ifd, watch_set *ws, const char *path)
{
    char dir[PATH_MAX];
    if (input_dir_of(path, dir, sizeof dir) != 0)
        return 0;
    /* A missing file cannot be watched: its directory tells. */
    if (set_add_wd(ws, add_watch(ifd, path, FILE_EVENTS)) != 0)
        return -1;
    if (dir_wd(ws, dir) >= 0)
        return 0;
    int wd = add_watch(ifd, dir, DIR_EVENTS | IN_ONLYDIR);
    if (wd < 0)
        return 0;   /* a directory that does not exist (yet) */
    watch_dir *d = realloc(ws->dirs, (ws->n_dirs + 1) * sizeof *d);
    char *copy = strdup(dir);
    if (d)
        ws->dirs = d;
    if (!d || !copy) {
        free(copy);
        return -1;
    }
    ws->dirs[ws->n_dirs++] = (watch_dir){copy, wd};
    return set_add_wd(ws, wd);
}

/* Watches the current inputs. One inotify instance serves the whole run:
 * a watch added again is the same watch (no event is lost in between),
 * and only the files that left the lists are dropped. Events that came
 * during the pass stay queued for the next wait. */
static int arm(watcher *wt)
{
    watch_set next = {0};
    for (size_t i = 0; i < wt->o->n_datasets; i++)
        for (size_t j = 0; j < wt->ds[i].inputs.n; j++)
            if (watch_input(wt->ifd, &next, wt->ds[i].inputs.paths[j]) != 0) {
                fprintf(stderr, "quire: watch: out of memory\n");
                set_free(&next);
                return -1;
            }
    for (size_t i = 0; i < wt->watching.n_wds; i++)
        if (!set_has_wd(&next, wt->watching.wds[i]))
            inotify_rm_watch(wt->ifd, wt->watching.wds[i]);
    set_free(&wt->watching);
    wt->watching = next;
    return 0;
}

static long ms_since(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Waits for events, then for DEBOUNCE_MS without any. Returns 1 when a
 * signal asks to stop, else 0. */
static int wait_events(watcher *wt)
{
    struct pollfd pfd[2] = {{wt->sfd, POLLIN, 0}, {wt->ifd, POLLIN, 0}};
    struct timespec first;
    int timeout = -1, seen = 0;
    for (;;) {
        int r = poll(pfd, 2, timeout);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            fprintf(stderr, "quire: watch: poll: %s\n", strerror(errno));
            return 1;
        }
        if (pfd[0].revents)
            return 1;
        if (r == 0)
            return 0;   /* quiet long enough */
        drain_events(wt);
        if (!seen) {
            clock_gettime(CLOCK_MONOTONIC, &first);
            seen = 1;
        }
        long left = DEBOUNCE_MAX_MS - ms_since(&first);
        if (left <= 0)
            return 0;
        timeout = left < DEBOUNCE_MS ? (int)left : DEBOUNCE_MS;
    }
}

/* Marks the datasets an input of which changed; returns how many. */
static size_t mark_changed(watcher *wt)
{
    size_t n = 0;
    for (size_t i = 0; i < wt->o->n_datasets; i++) {
        watched *w = &wt->ds[i];
        const char *what = w->due ? "a file in its folder" : first_changed(w);
        if (wt->overflow && !w->complete)
            what = "events were lost";
        if (!what)
            continue;
        w->due = 1;
        n++;
        if (!wt->o->quiet)
            fprintf(stderr, "quire: watch: %s changed: rendering %s\n", what, wt->o->datasets[i]);
    }
    wt->overflow = 0;
    return n;
}

/* ---- the loop ---- */

static int loop(watcher *wt)
{
    if (!wt->o->quiet)
        fprintf(stderr, "quire: watch: waiting for changes (Ctrl-C ends)\n");
    for (;;) {
        if (arm(wt) != 0)
            return EXIT_EXPORT;
        while (mark_changed(wt) == 0)
            if (wait_events(wt))
                return EXIT_OK;
        if (stop_requested(wt->sfd))
            return EXIT_OK;   /* it came while the changes were looked at */
        int code = run_pass(wt);
        if (code >= EXIT_SIGNAL || stop_requested(wt->sfd))
            return EXIT_OK;
    }
}

int watch_run(const cli_options *o, watch_render_fn render)
{
    if (o->depfile) {
        fprintf(stderr, "quire: watch: --depfile is for render (a build system runs it)\n");
        return EXIT_USAGE;
    }
    watcher wt = {o, render, calloc(o->n_datasets ? o->n_datasets : 1, sizeof(watched)),
                  -1, -1, {0}, 0};
    if (!wt.ds) {
        fprintf(stderr, "quire: watch: out of memory\n");
        return EXIT_EXPORT;
    }
    int code = EXIT_EXPORT;
    wt.ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (wt.ifd < 0) {
        fprintf(stderr, "quire: watch: inotify: %s\n", strerror(errno));
        goto cleanup;
    }
    wt.sfd = signals_open();
    if (wt.sfd < 0) {
        fprintf(stderr, "quire: watch: cannot handle signals: %s\n", strerror(errno));
        goto cleanup;
    }
    for (size_t i = 0; i < o->n_datasets; i++) {
        wt.ds[i].due = 1;
        wt.ds[i].home = real_folder(o->datasets[i]);
    }
    code = run_pass(&wt);
    if (code >= EXIT_SIGNAL || stop_requested(wt.sfd))
        code = EXIT_OK;
    else if (code == EXIT_USAGE || code == EXIT_PLUGIN)
        goto cleanup;   /* no edit of the inputs can fix these */
    else
        code = loop(&wt);
cleanup:
    /* The signal mask stays: quire exits now, and unblocking could let a
     * pending second Ctrl-C end it with 130 instead of 0. */
    if (wt.sfd >= 0)
        close(wt.sfd);
    if (wt.ifd >= 0)
        close(wt.ifd);
    set_free(&wt.watching);
    for (size_t i = 0; i < o->n_datasets; i++) {
        input_list_free(&wt.ds[i].inputs);
        free(wt.ds[i].sigs);
        free(wt.ds[i].home);
    }
    free(wt.ds);
    return code;
}

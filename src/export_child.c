/* export_child.c — the export worker and its reports (export_child.h).
 *
 * The report (after the EXPORT_STARTED byte): "QRPT", a 32-bit payload
 * length, then the payload: the status and the count of errors reported
 * with host->report (32-bit each), the message, then two lists (a 32-bit
 * count, then strings): the extra output files and the font files, and
 * what the plugin left behind that makes the worker retire ("": nothing). A
 * string is a 32-bit length and its bytes. Parent and worker are the same
 * program on the same machine, so integers go in the host's byte order. */
#define _GNU_SOURCE /* asprintf, MSG_CMSG_CLOEXEC */
#include "export_child.h"

#include "fonts.h"
#include "host.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND RUNNING_ON_VALGRIND
#else
#define UNDER_VALGRIND 0
#endif

#define MAGIC "QRPT"
/* No real report comes near this; a longer one is refused. */
#define MAX_REPORT (16u << 20)

typedef struct buf {
    char *data;
    size_t len, cap;
    int failed;
} buf;

static void put(buf *b, const void *p, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) {
            b->failed = 1;
            return;
        }
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void put_u32(buf *b, uint32_t v)
{
    put(b, &v, sizeof v);
}

static void put_str(buf *b, const char *s)
{
    size_t n = strlen(s);
    put_u32(b, (uint32_t)n);
    put(b, s, n);
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void on_term(int sig)
{
    (void)sig;
    host_cancel_requested = 1;
}

/* What a plugin may change in its process that would carry over into the
 * next export in the same worker: the worker takes it at its start and
 * puts it back after each export (docs/outputs.md). */
typedef struct start_state {
    int cwd_fd;                 /* O_PATH; -1 when the directory could not be opened */
    mode_t umask;
    sigset_t mask;
    struct sigaction actions[_NSIG]; /* every signal's disposition */
    struct rlimit limits[RLIM_NLIMITS];
    int *fds;                   /* the descriptors open at the start, ascending */
    struct stat *fd_files;      /* what each of them is (a dup2 over one shows) */
    size_t n_fds;
} start_state;
static start_state start;

/* The worker checks its descriptors when it starts with no more than this
 * many open (it has about ten). */
#define MAX_FDS 256

/* The open descriptors, ascending. Returns how many (at most cap are
 * stored), or -1. */
static int open_fds(int *fds, size_t cap)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    int self = dirfd(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        char *end;
        long fd = strtol(e->d_name, &end, 10);
        if (e->d_name[0] < '0' || e->d_name[0] > '9' || *end || fd == self)
            continue;
        if (n < cap) {   /* insertion: the list is short, and readdir's nearly sorted */
            size_t i = n;
            while (i > 0 && fds[i - 1] > fd) {
                fds[i] = fds[i - 1];
                i--;
            }
            fds[i] = (int)fd;
        }
        n++;
    }
    closedir(d);
    return n > (size_t)INT_MAX ? -1 : (int)n;
}

static void take_start_state(void)
{
    start.cwd_fd = open(".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    start.umask = umask(022);
    umask(start.umask);
    sigprocmask(SIG_SETMASK, NULL, &start.mask);
    for (int sig = 1; sig < _NSIG; sig++)
        sigaction(sig, NULL, &start.actions[sig]);
    for (int r = 0; r < RLIM_NLIMITS; r++)
        getrlimit(r, &start.limits[r]);
    int fds[MAX_FDS];
    int n = open_fds(fds, MAX_FDS);
    if (n > 0 && n <= MAX_FDS && (start.fds = malloc((size_t)n * sizeof *start.fds)) &&
        (start.fd_files = calloc((size_t)n, sizeof *start.fd_files))) {
        memcpy(start.fds, fds, (size_t)n * sizeof *fds);
        for (int i = 0; i < n; i++)
            fstat(fds[i], &start.fd_files[i]);
        start.n_fds = (size_t)n;
    }
}

/* After each export, the working directory, umask, timers, signal
 * dispositions and mask, resource limits and the parent-death signal the
 * worker started with (nothing the plugin left runs on while the worker
 * is idle: timers are cancelled, a thread or child retires the worker). Returns 0, or -1 when a resource limit
 * cannot be put back (the plugin lowered a hard limit). */
static int restore_start_state(void)
{
    if (start.cwd_fd >= 0)
        (void)!fchdir(start.cwd_fd);
    umask(start.umask);
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);   /* alarm() too */
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    setitimer(ITIMER_PROF, &off, NULL);
    for (int sig = 1; sig < _NSIG; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            sigaction(sig, &start.actions[sig], NULL); /* glibc's own refuse: harmless */
    sigprocmask(SIG_SETMASK, &start.mask, NULL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int failed = 0;
    for (int r = 0; r < RLIM_NLIMITS; r++) {
        struct rlimit now;
        if (getrlimit(r, &now) == 0 && (now.rlim_cur != start.limits[r].rlim_cur ||
                                        now.rlim_max != start.limits[r].rlim_max))
            failed |= setrlimit(r, &start.limits[r]) != 0;
    }
    return failed ? -1 : 0;
}

static int was_open(int fd)
{
    size_t lo = 0, hi = start.n_fds;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (start.fds[mid] == fd)
            return 1;
        if (start.fds[mid] < fd)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* 1 when fd, open when the worker started, is closed or is now another
 * file (a plugin's dup2 over it). */
static int fd_replaced(int fd)
{
    for (size_t i = 0; i < start.n_fds; i++) {
        if (start.fds[i] != fd)
            continue;
        struct stat now;
        return fstat(fd, &now) != 0 || now.st_dev != start.fd_files[i].st_dev ||
               now.st_ino != start.fd_files[i].st_ino;
    }
    return 0;
}

/* The worker's threads (/proc/self/status), or 0 when unknown. */
static long thread_count(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    char line[256];
    long n = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %ld", &n) == 1)
            break;
    if (f)
        fclose(f);
    return n;
}

/* Kills the processes the plugin left running, as /proc lists the
 * worker's children (every thread's). Returns how many it found. */
static int kill_children(void)
{
    int found = 0;
    DIR *tasks = opendir("/proc/self/task");
    for (struct dirent *e; tasks && (e = readdir(tasks));) {
        char path[64];
        if (e->d_name[0] == '.' ||
            snprintf(path, sizeof path, "/proc/self/task/%s/children", e->d_name) >= (int)sizeof path)
            continue;
        FILE *f = fopen(path, "re");
        for (long pid; f && fscanf(f, "%ld", &pid) == 1; found++)
            kill((pid_t)pid, SIGKILL);
        if (f)
            fclose(f);
    }
    if (tasks)
        closedir(tasks);
    return found;
}

/* Reaps the children that ended and kills and reaps those still running:
 * the worker is their subreaper (worker_setup), so a helper that forked
 * away from its parent comes back to it, and none writes to an output
 * after the export's report. Never blocks: a child that a kill has not
 * ended yet is looked at again a millisecond later, for at most a second.
 * Returns 0 when there were none, 1 when one had ended unwaited for, 2
 * when one was running. */
static int end_children(void)
{
    int left = 0;
    for (int round = 0; round < 1000; round++) {
        int status;
        pid_t child;
        while ((child = waitpid(-1, &status, WNOHANG)) > 0 || (child < 0 && errno == EINTR))
            if (child > 0 && !left)
                left = 1;   /* ended, never waited for: reaped now */
        if (child < 0)   /* ECHILD: none left */
            return left;
        if (kill_children())
            left = 2;
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
    return 2;
}

/* After each export: what the plugin left behind that a new process
 * would not have, described in why ("" when nothing). Descriptors it left
 * open or put in place of the worker's own, a thread still running, child
 * processes (ended ones are reaped, running ones killed, so that none
 * writes to an output after the report), or a resource limit it lowered
 * for good: a worker with any retires after its report, since the next
 * export must not inherit them. */
static void check_leftovers(char *why, size_t size)
{
    why[0] = '\0';
    int fds[MAX_FDS];
    int n = start.fds ? open_fds(fds, MAX_FDS) : 0;
    if (n < 0 || n > MAX_FDS)   /* none left to list them, or more than it started with */
        snprintf(why, size, "descriptors open");
    for (int i = 0; n > 0 && n <= MAX_FDS && i < n; i++) {
        if (!was_open(fds[i])) {
            snprintf(why, size, "descriptor %d open", fds[i]);
            break;
        }
    }
    for (size_t i = 0; !why[0] && i < start.n_fds; i++)
        if (fd_replaced(start.fds[i]))
            snprintf(why, size, "descriptor %d replaced", start.fds[i]);
    int children = end_children();
    if (children && !why[0])
        snprintf(why, size, "%s child process", children == 2 ? "a running" : "an unwaited-for");
    if (restore_start_state() != 0 && !why[0])
        snprintf(why, size, "a resource limit lowered");
    if (thread_count() > 1 && !why[0])
        snprintf(why, size, "a thread running");
}

/* The parent stops a worker with SIGTERM (and SIGKILL after a grace
 * period): a plugin that calls progress() returns in time, and an idle
 * worker leaves its wait for a command (no SA_RESTART). A parent that dies
 * without stopping it (SIGKILL, or any signal it does not handle) takes
 * the worker along: PR_SET_PDEATHSIG, checked against a parent that died
 * before the call. The private directory is swept by the next run. */
static void worker_setup(pid_t parent)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
        _exit(127);
    prctl(PR_SET_CHILD_SUBREAPER, 1); /* a plugin's orphaned helpers come back here */
    struct sigaction sa = {0};
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    /* A crashing plugin must not leave a core file behind either. */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
}

static _Noreturn void worker_exit(int code)
{
    /* fontconfig's configuration is the parent's, inherited: the parent
     * frees it at its exit. Freeing this copy (FcFini) cost a tenth of a
     * one-page brief's export; _exit below returns the memory at once.
     * Under valgrind it is freed all the same: fontconfig links its data
     * by offsets, which the leak check cannot follow. */
    if (UNDER_VALGRIND)
        fonts_shutdown();
    /* No leak check here: LeakSanitizer's stop-the-world tracer crashes now
     * and then in a forked child ("Tracer caught signal 11"), failing good
     * exports. Plugins' leaks are checked in process instead: the plugin
     * harnesses under ASan, quire-plugin-test and the demo under valgrind. */
    /* _exit: the parent's atexit handlers and stdio buffers are not ours. */
    _exit(code);
}

/* Runs the export of t into outputs, creating its main output name first
 * (here rather than in the parent, whose work is serial), and writes its
 * report to fd. Returns 0, 1 when the worker must retire
 * (check_leftovers), or -1 when the report could not be written. */
static int export_one(const render_task *t, output_set *outputs, const char *name, int quiet,
                      int fd)
{
    char err[1024] = "";
    int created = output_add(outputs, name) != NULL;
    if (!created)
        snprintf(err, sizeof err, "cannot create the output: %s", strerror(errno));
    /* Libraries that honour TMPDIR put their temporary files where quire
     * removes them whatever happens, on the file system of the output. */
    setenv("TMPDIR", outputs->private_dir, 1);
    const quire_plugin *p = t->plugin;
    host_job hj = {0};
    hj.quiet = quiet;
    hj.show_progress = !quiet && isatty(STDERR_FILENO);
    host_job_init(&hj, t->dataset, t->tmpl, outputs, p->name);
    hj.pub.options = t->options;
    hj.pub.n_options = t->n_options;
    hj.pub.option_size = sizeof(quire_option);
    quire_status st = created ? p->export_fn(&hj.pub, err, sizeof err) : QUIRE_ERR_EXPORT;
    host_job_end_progress(&hj);
    err[sizeof err - 1] = '\0';

    buf payload = {0};
    put_u32(&payload, (uint32_t)st);
    put_u32(&payload, (uint32_t)hj.reported_errors);
    put_str(&payload, err);
    put_u32(&payload, (uint32_t)(outputs->count ? outputs->count - 1 : 0));
    for (size_t i = 1; i < outputs->count; i++)
        put_str(&payload, outputs->files[i].name);
    put_u32(&payload, (uint32_t)hj.n_fonts);
    for (size_t i = 0; i < hj.n_fonts; i++)
        put_str(&payload, hj.fonts[i]);
    host_job_free(&hj);
    output_set_forget(outputs);   /* the parent commits or removes the files */
    if (fd_replaced(fd))   /* what it would write goes elsewhere: the parent says so */
        worker_exit(EXPORT_PIPE_LOST);
    char leftovers[128];   /* and puts the start state back for the next export */
    check_leftovers(leftovers, sizeof leftovers);
    put_str(&payload, leftovers);
    buf msg = {0};
    put(&msg, MAGIC, 4);
    put_u32(&msg, (uint32_t)payload.len);
    put(&msg, payload.data, payload.len);
    int bad = payload.failed || msg.failed || write_all(fd, msg.data, msg.len) != 0;
    free(payload.data);
    free(msg.data);
    return bad ? -1 : leftovers[0] != '\0';
}

/* One command and its descriptor. Returns the bytes received (0 at the
 * end of the commands), or -1 with errno set; *dir_fd is -1 when none
 * came. */
static ssize_t receive_command(int cmd_fd, export_command *c, int *dir_fd)
{
    char control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {c, sizeof *c};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
                       .msg_controllen = sizeof control};
    *dir_fd = -1;
    ssize_t n = recvmsg(cmd_fd, &m, MSG_CMSG_CLOEXEC);
    for (struct cmsghdr *h = n > 0 ? CMSG_FIRSTHDR(&m) : NULL; h; h = CMSG_NXTHDR(&m, h))
        if (h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS &&
            h->cmsg_len == CMSG_LEN(sizeof(int)))
            memcpy(dir_fd, CMSG_DATA(h), sizeof(int));
    return n;
}

/* The worker's view of the private directory the parent created: the
 * same directory through the descriptor it received. The main output is
 * created by export_one. */
static int receive_set(output_set *set, const char *outdir, int dir_fd, const export_command *c)
{
    *set = (output_set){.outdir = outdir, .outdir_fd = -1, .private_fd = dir_fd};
    int made = c->by_fd ? asprintf(&set->private_dir, "/proc/self/fd/%d", dir_fd)
                        : asprintf(&set->private_dir, "%s", c->private_path);
    if (made < 0) {
        set->private_dir = NULL;
        return -1;
    }
    return 0;
}

int export_command_send(int cmd_fd, const export_command *c, int dir_fd)
{
    char control[CMSG_SPACE(sizeof(int))] = {0};
    struct iovec iov = {(void *)c, sizeof *c};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control,
                       .msg_controllen = sizeof control};
    struct cmsghdr *h = CMSG_FIRSTHDR(&m);
    h->cmsg_level = SOL_SOCKET;
    h->cmsg_type = SCM_RIGHTS;
    h->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(h), &dir_fd, sizeof(int));
    ssize_t n;
    do   /* MSG_NOSIGNAL: a worker gone is an error here, not a SIGPIPE for the run */
        n = sendmsg(cmd_fd, &m, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n >= 0 && (size_t)n != sizeof *c) {
        errno = EMSGSIZE;
        return -1;
    }
    return n < 0 ? -1 : 0;
}

_Noreturn void export_worker_run(const render_task *tasks, size_t n, const char *outdir,
                                 int quiet, int cmd_fd, int report_fd, pid_t parent)
{
    worker_setup(parent);
    take_start_state();
    for (;;) {
        if (host_cancel_requested)   /* stopped: no more exports */
            worker_exit(0);
        export_command c;
        int dir_fd;
        ssize_t got = receive_command(cmd_fd, &c, &dir_fd);
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)   /* the parent has no more work for this worker */
            worker_exit(0);
        output_set set;
        if (got != (ssize_t)sizeof c || dir_fd < 0 || c.task >= n ||
            !memchr(c.private_path, '\0', sizeof c.private_path) ||
            !memchr(c.name, '\0', sizeof c.name) || receive_set(&set, outdir, dir_fd, &c) != 0)
            worker_exit(1);   /* the parent sees an export without a report */
        const char started = EXPORT_STARTED;
        if (write_all(report_fd, &started, 1) != 0)
            worker_exit(1);
        int done = export_one(&tasks[c.task], &set, c.name, quiet, report_fd);
        if (done != 0)   /* retired (the report says why), or no report */
            worker_exit(done < 0);
    }
}

size_t export_report_size(const char *buf, size_t len)
{
    uint32_t n;
    if (len < 8)
        return memcmp(buf, MAGIC, len < 4 ? len : 4) == 0 ? 0 : SIZE_MAX;
    memcpy(&n, buf + 4, sizeof n);
    if (memcmp(buf, MAGIC, 4) != 0 || n > MAX_REPORT)
        return SIZE_MAX;
    return len >= 8 + (size_t)n ? 8 + (size_t)n : 0;
}

typedef struct reader {
    const char *p, *end;
    int failed;
} reader;

static uint32_t get_u32(reader *r)
{
    uint32_t v = 0;
    if (r->end - r->p < (ptrdiff_t)sizeof v) {
        r->failed = 1;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

/* A string of the payload, NUL-terminated into a new allocation. */
static char *get_str(reader *r)
{
    uint32_t n = get_u32(r);
    if (r->failed || (size_t)(r->end - r->p) < n) {
        r->failed = 1;
        return NULL;
    }
    char *s = malloc((size_t)n + 1);
    if (!s) {
        r->failed = 1;
        return NULL;
    }
    memcpy(s, r->p, n);
    s[n] = '\0';
    r->p += n;
    return s;
}

/* A count, then that many strings. */
static void get_list(reader *r, char ***items, size_t *n)
{
    uint32_t count = get_u32(r);
    if (!r->failed && count <= (size_t)(r->end - r->p) / 4)
        *items = calloc(count ? count : 1, sizeof **items);
    if (!*items)
        r->failed = 1;
    for (uint32_t i = 0; !r->failed && i < count; i++) {
        (*items)[i] = get_str(r);
        if ((*items)[i])
            (*n)++;
    }
}

int export_report_parse(const char *data, size_t len, export_report *out)
{
    *out = (export_report){0};
    uint32_t n;
    if (len < 8 || memcmp(data, MAGIC, 4) != 0)
        return -1;
    memcpy(&n, data + 4, sizeof n);
    if (n > MAX_REPORT || len != 8 + (size_t)n)
        return -1;
    reader r = {data + 8, data + len, 0};
    out->status = (quire_status)get_u32(&r);
    out->reported_errors = (int)get_u32(&r);
    char *err = get_str(&r);
    if (err) {
        snprintf(out->err, sizeof out->err, "%s", err);
        free(err);
    }
    get_list(&r, &out->names, &out->n_names);
    get_list(&r, &out->fonts, &out->n_fonts);
    char *left = get_str(&r);
    if (left) {
        snprintf(out->retires, sizeof out->retires, "%s", left);
        free(left);
    }
    if (r.failed || r.p != r.end) {
        export_report_free(out);
        return -1;
    }
    return 0;
}

static void free_list(char ***items, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*items)[i]);
    free(*items);
    *items = NULL;
    *n = 0;
}

void export_report_free(export_report *r)
{
    free_list(&r->names, &r->n_names);
    free_list(&r->fonts, &r->n_fonts);
}

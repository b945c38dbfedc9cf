/* render.c — running the exports of a render: each dataset × format in
 * an export worker (export_child.h), at most -j N at a time: one worker
 * per slot, which runs export after export of the window and is replaced
 * when it dies.
 *
 * The parent only forks, sends, waits, checks and commits. A plugin that
 * crashes, aborts or calls exit() ends its own worker, never the run, and
 * fails only the export it was running; its files never leave their
 * private directory. The parent blocks the
 * signals that would end it and reads them, with the children's SIGCHLD,
 * from a signalfd in its one poll loop: an interruption is handled between
 * two steps, never in the middle of a commit. */
#define _GNU_SOURCE /* pipe2, SOCK_CLOEXEC */
#include "render.h"
#include "diag.h"

#include "exit_code.h"
#include "export_child.h"
#include "manifest.h"
#include "output.h"
#include "verify.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long children get to stop after SIGTERM before SIGKILL. */
#define GRACE_SECONDS 3
#define PIPE_LOST_SECONDS 2   /* a worker whose report pipe ended, until it is given up */
/* A child's report is small; past this it is not a report. */
#define MAX_REPORT_BYTES (16u << 20)

/* Signals that end a run cleanly (128 + signal), besides SIGCHLD. */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM,
                                   SIGUSR1, SIGUSR2, SIGPIPE, SIGXFSZ};
#define N_STOP_SIGNALS (sizeof stop_signals / sizeof stop_signals[0])

/* One -j slot: its worker, and the export it runs. */
typedef struct slot {
    pid_t pid;             /* the worker; 0: none */
    int cmd_fd;            /* commands to it; -1 once closed */
    int fd;                /* its reports' pipe, read end; -1 at its end */
    int busy;              /* running task */
    size_t task;
    export_command cmd;    /* task's command, kept to send it again */
    int started;           /* the worker wrote EXPORT_STARTED: the plugin runs */
    int resent;            /* task went to a second worker: the first died idle */
    output_set set;
    char *report;          /* what the worker sent of its report */
    size_t len, cap;
    int overflow;          /* not a report: more than one may be, or garbage */
    int pipe_lost;         /* its pipe ended short of a report: killed if not reaped by */
    struct timespec give_up_at;
} slot;

typedef struct runner {
    const render_task *tasks;
    size_t n, next;
    const render_opts *opts;
    int outdir_fd, sigfd;
    sigset_t old_mask;
    slot *slots;           /* opts->jobs of them */
    size_t running;        /* busy slots */
    size_t workers;        /* live workers */
    int interrupted;       /* the signal, or 0 */
    int killed;            /* SIGKILL sent after the grace period */
    struct timespec kill_at;
    int code;
    pid_t parent;          /* quire's pid: the children die with it */
} runner;

static void note_code(runner *r, int code)
{
    if (code > r->code)
        r->code = code;
}

/* Export processes started by this process (QUIRE_STATS). */
static unsigned long processes_started;

unsigned long render_processes_started(void)
{
    return processes_started;
}

static void kill_all(runner *r, int sig)
{
    for (int i = 0; i < r->opts->jobs; i++)
        if (r->slots[i].pid > 0)
            kill(r->slots[i].pid, sig);
}

static void interrupt(runner *r, int sig)
{
    if (r->interrupted) {   /* asked twice: no more waiting */
        kill_all(r, SIGKILL);
        r->killed = 1;
        return;
    }
    r->interrupted = sig;
    kill_all(r, SIGTERM);
    clock_gettime(CLOCK_MONOTONIC, &r->kill_at);
    r->kill_at.tv_sec += GRACE_SECONDS;
}

static void drain(slot *s)
{
    while (s->fd >= 0) {
        if (s->cap - s->len < 4096 && !s->overflow) {
            size_t cap = s->cap ? s->cap * 2 : 8192;
            char *b = cap <= MAX_REPORT_BYTES ? realloc(s->report, cap) : NULL;
            if (!b)
                s->overflow = 1;
            else {
                s->report = b;
                s->cap = cap;
            }
        }
        char scratch[4096];
        char *to = s->overflow ? scratch : s->report + s->len;
        size_t room = s->overflow ? sizeof scratch : s->cap - s->len;
        ssize_t n = read(s->fd, to, room);
        if (n > 0) {
            if (!s->overflow)
                s->len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        close(s->fd);   /* end of file, or an error: nothing more will come */
        s->fd = -1;
    }
}

static char **copy_strings(char *const *items, size_t n)
{
    char **c = calloc(n ? n : 1, sizeof *c);
    for (size_t i = 0; c && i < n; i++)
        c[i] = strdup(items[i]);
    return c;
}

/* Takes what --depfile and --manifest need (hashes: NULL, or the files'
 * sizes and SHA-256, taken over). Out of memory, the result is marked not
 * committed, and the dependency file and the manifest leave it out. */
static void keep_result(render_result *res, const output_set *set, export_report *rep,
                        unsigned long long *bytes, char (*sha256)[65])
{
    res->bytes = bytes;
    res->sha256 = sha256;
    res->files = calloc(set->count ? set->count : 1, sizeof *res->files);
    for (size_t i = 0; res->files && i < set->count; i++)
        res->files[i] = strdup(set->files[i].final);
    res->n_files = res->files ? set->count : 0;
    res->fonts = copy_strings(rep->fonts, rep->n_fonts);
    res->n_fonts = res->fonts ? rep->n_fonts : 0;
    res->committed = res->files && res->fonts;
    for (size_t i = 0; i < res->n_files; i++)
        res->committed &= res->files[i] != NULL;
    for (size_t i = 0; i < res->n_fonts; i++)
        res->committed &= res->fonts[i] != NULL;
}

void render_results_free(render_result *results, size_t n)
{
    for (size_t k = 0; results && k < n; k++) {
        render_result *res = &results[k];
        for (size_t i = 0; i < res->n_files; i++)
            free(res->files[i]);
        for (size_t i = 0; i < res->n_fonts; i++)
            free(res->fonts[i]);
        free(res->files);
        free(res->fonts);
        free(res->bytes);
        free(res->sha256);
        *res = (render_result){0};
    }
}

/* Checks and commits the files of an export that reported success. */
static int commit(runner *r, slot *s, export_report *rep)
{
    const char *pname = r->tasks[s->task].plugin->name;
    for (size_t i = 0; i < rep->n_names; i++) {
        if (output_adopt(&s->set, rep->names[i]) != 0) {
            char name[512];
            fprintf(stderr, "quire: %s: %s: the plugin reported an output '%s' it may not write\n",
                    pname, s->set.files[0].final, diag_escape(rep->names[i], name, sizeof name));
            return EXIT_EXPORT;
        }
    }
    char why[512];
    for (size_t i = 0; i < s->set.count; i++) {
        if (verify_output(s->set.private_fd, s->set.files[i].name, why, sizeof why) != 0) {
            fprintf(stderr, "quire: %s: %s: the plugin reported success, but the file is "
                            "damaged: %s; nothing of this export was written\n",
                    pname, s->set.files[i].final, why);
            return EXIT_EXPORT;
        }
    }
    /* --manifest: the bytes committed, hashed before the rename */
    int hash = r->opts->results && r->opts->hashes;
    unsigned long long *bytes = hash ? calloc(s->set.count, sizeof *bytes) : NULL;
    char (*sha256)[65] = hash ? calloc(s->set.count, sizeof *sha256) : NULL;
    for (size_t i = 0; hash && i < s->set.count; i++) {
        uint64_t n;
        if (!bytes || !sha256 ||
            manifest_hash_file(s->set.private_fd, s->set.files[i].name, &n, sha256[i]) != 0) {
            fprintf(stderr, "quire: %s: %s: cannot read it back for the manifest: %s; nothing "
                            "of this export was written\n", pname, s->set.files[i].final,
                    strerror(errno));
            free(bytes);
            free(sha256);
            return EXIT_EXPORT;
        }
        bytes[i] = n;
    }
    char err[1024];
    if (output_commit(&s->set, err, sizeof err) != 0) {
        fprintf(stderr, "quire: %s: %s; nothing of this export was written\n", pname, err);
        free(bytes);
        free(sha256);
        return EXIT_EXPORT;
    }
    if (!r->opts->quiet)
        for (size_t i = 0; i < s->set.count; i++)
            fprintf(stderr, "quire: wrote %s\n", s->set.files[i].final);
    if (r->opts->results)
        keep_result(&r->opts->results[s->task], &s->set, rep, bytes, sha256);
    return EXIT_OK;
}

/* Signals a program's own fault raises, as opposed to being sent one. */
static int is_crash(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
           sig == SIGABRT || sig == SIGTRAP || sig == SIGSYS;
}

/* Workers that retired after an export (QUIRE_STATS). */
static unsigned long workers_retired;

unsigned long render_workers_retired(void)
{
    return workers_retired;
}

/* s's plugin left something behind (left: what) that the next export must
 * not inherit: its worker ends after this report (export_child.c) and the
 * slot's next export starts a new one, once this one is reaped. */
static void retire(runner *r, slot *s, const char *left)
{
    static int told;
    if (s->cmd_fd >= 0)
        close(s->cmd_fd);
    s->cmd_fd = -1;
    workers_retired++;
    if (!r->opts->quiet && !told++) {
        char what[256];
        fprintf(stderr, "quire: note: %s: the plugin left %s after the export of %s: its "
                        "process is replaced (the next exports are not affected)\n",
                r->tasks[s->task].plugin->name, diag_escape(left, what, sizeof what),
                s->set.files[0].final);
    }
}

/* Judges the report of s's export (size bytes of s->report); returns the
 * export's exit code. */
static int judge_report(runner *r, slot *s, size_t size)
{
    const char *pname = r->tasks[s->task].plugin->name;
    const char *final = s->set.files[0].final;
    export_report rep;
    if (export_report_parse(s->report, size, &rep) != 0) {
        fprintf(stderr, "quire: %s: %s: the export's process sent a damaged report\n", pname,
                final);
        return EXIT_EXPORT;
    }
    if (rep.retires[0])
        retire(r, s, rep.retires);
    int code;
    if (rep.status != QUIRE_OK) {
        char said[sizeof rep.err];   /* the plugin's words: escaped like any message */
        fprintf(stderr, "quire: %s: %s: %s\n", pname, final,
                rep.err[0] ? diag_escape(rep.err, said, sizeof said) : "export failed");
        code = rep.status == QUIRE_ERR_INPUT ? EXIT_INVALID : EXIT_EXPORT;
    } else if (rep.reported_errors) {
        /* as after check(): a reported error makes the input invalid */
        fprintf(stderr, "quire: %s: %s: the plugin reported %d error%s; nothing of this export "
                        "was written\n", pname, final, rep.reported_errors,
                rep.reported_errors == 1 ? "" : "s");
        code = EXIT_INVALID;
    } else {
        code = commit(r, s, &rep);
    }
    export_report_free(&rep);
    return code;
}

/* Judges an export whose worker ended before its report was whole. */
static int judge_death(runner *r, slot *s, int wstatus)
{
    const char *pname = r->tasks[s->task].plugin->name;
    const char *final = s->set.files[0].final;
    if (WIFSIGNALED(wstatus)) {
        int sig = WTERMSIG(wstatus);
        if (sig == SIGPIPE) {   /* stderr is a closed pipe: the whole run stops */
            interrupt(r, SIGPIPE);
            return EXIT_OK;
        }
        if (!s->started && !s->overflow) {   /* a second worker died idle too */
            fprintf(stderr, "quire: %s: %s: cannot start the export: its process was killed "
                            "(%s) before the export began\n", pname, final, strsignal(sig));
            return EXIT_EXPORT;
        }
        if (s->overflow && s->pipe_lost)   /* killed by us: it could report no more */
            fprintf(stderr, "quire: %s: %s: the plugin closed or replaced quire's report pipe\n",
                    pname, final);
        else if (s->overflow)   /* killed by us: what it sent was no report */
            fprintf(stderr, "quire: %s: %s: the export's process sent a damaged report\n",
                    pname, final);
        else
            fprintf(stderr, "quire: %s: %s: the plugin %s (%s)\n", pname, final,
                    is_crash(sig) ? "crashed" : "was killed", strsignal(sig));
        return EXIT_EXPORT;
    }
    if (!s->started && !s->overflow) {
        fprintf(stderr, "quire: %s: %s: cannot start the export: its process ended (exit "
                        "status %d) before the export began\n", pname, final,
                WEXITSTATUS(wstatus));
        return EXIT_EXPORT;
    }
    if (WEXITSTATUS(wstatus) == EXPORT_PIPE_LOST)
        fprintf(stderr, "quire: %s: %s: the plugin closed or replaced quire's report pipe\n",
                pname, final);
    else
        fprintf(stderr, "quire: %s: %s: the plugin ended its process (exit status %d) "
                        "without reporting back\n", pname, final, WEXITSTATUS(wstatus));
    return EXIT_EXPORT;
}

/* The end of s's export: its files are committed, or left to be removed
 * with the private directory. reuse: the export reported and its worker
 * runs on, so the slot's next export may use the same private directory,
 * emptied (after an export whose worker died or retired, that directory
 * goes: the export may have left it in any state). An export resent
 * because its worker died while idle keeps the directory, which the
 * last export emptied and no process of that worker can reach any more
 * (a worker kills what its plugin left running before it reports). */
static void task_done(runner *r, slot *s, int reuse)
{
    /* what is left: older files, or the failed new ones */
    if (!reuse || output_set_empty(&s->set) != 0)
        output_set_free(&s->set);
    s->busy = 0;
    s->started = 0;
    s->resent = 0;
    s->len = 0;
    s->overflow = 0;
    r->running--;
}

/* Handles s's report once it arrived whole; alive: its worker is not
 * reaped yet (a reaped pid may be another process's by now). */
static void check_report(runner *r, slot *s, int alive)
{
    if (!s->busy)
        return;
    if (!s->started && s->len > 0 && !s->overflow) {
        if (s->report[0] == EXPORT_STARTED) {
            s->started = 1;
            memmove(s->report, s->report + 1, --s->len);
        } else {
            s->overflow = 1;   /* garbage where the mark belongs */
        }
    }
    size_t size = s->overflow ? SIZE_MAX : export_report_size(s->report, s->len);
    if (size == 0)
        return;
    if (size == SIZE_MAX || size != s->len) {   /* not a report: the worker is broken */
        s->overflow = 1;
        if (alive)
            kill(s->pid, SIGKILL);   /* judged when it is reaped */
        return;
    }
    if (!r->interrupted)
        note_code(r, judge_report(r, s, size));
    task_done(r, s, alive && s->cmd_fd >= 0 && !r->interrupted);   /* cmd_fd < 0: retired */
}

static void send_again(runner *r, slot *s);

static void reap(runner *r)
{
    for (int i = 0; i < r->opts->jobs; i++) {
        slot *s = &r->slots[i];
        int wstatus;
        if (s->pid <= 0 || waitpid(s->pid, &wstatus, WNOHANG) != s->pid)
            continue;
        drain(s);   /* a grandchild may hold the pipe open: what came is all */
        check_report(r, s, 0);   /* it reported, then ended */
        /* It died before it began its export (killed while idle, or by a
         * leftover thread of an earlier export): the export goes to a
         * fresh worker, once. */
        int again = s->busy && !s->started && !s->overflow && !s->resent && !r->interrupted;
        if (s->busy && !again) {
            if (!r->interrupted)
                note_code(r, judge_death(r, s, wstatus));
            task_done(r, s, 0);
        }
        if (s->fd >= 0)
            close(s->fd);
        if (s->cmd_fd >= 0)
            close(s->cmd_fd);
        free(s->report);
        slot was = *s;
        *s = (slot){.fd = -1, .cmd_fd = -1};   /* the next task starts a new worker */
        s->set = was.set;   /* the slot's private directory, when it is kept */
        r->workers--;
        if (again) {
            s->busy = 1;
            s->task = was.task;
            s->cmd = was.cmd;
            s->resent = 1;
            send_again(r, s);
        }
    }
}

/* What the worker does before it waits for commands: it keeps only its
 * own descriptors and gets the signal mask quire started with. */
static _Noreturn void worker(runner *r, slot *s, int cmd_fd, int report_fd)
{
    close(r->sigfd);
    close(r->outdir_fd);
    for (int i = 0; i < r->opts->jobs; i++) {
        slot *o = &r->slots[i];
        if (o->set.private_fd >= 0)   /* its export's directory comes with the command */
            close(o->set.private_fd);
        if (o == s || o->pid <= 0)
            continue;
        close(o->cmd_fd);
        close(o->fd);
    }
    sigprocmask(SIG_SETMASK, &r->old_mask, NULL);
    /* SIGTERM is how the parent stops it, even when quire was started
     * with it blocked (or a caller such as watch blocks it). */
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &term, NULL);
    export_worker_run(r->tasks, r->n, r->opts->outdir, r->opts->quiet, cmd_fd, report_fd,
                      r->parent);
}

/* Starts a worker for slot s. Returns 0, or -1 with errno set. */
static int spawn(runner *r, slot *s)
{
    int cmd[2], rep[2];
    if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, cmd) != 0)
        return -1;
    if (pipe2(rep, O_CLOEXEC) != 0) {
        int e = errno;
        close(cmd[0]);
        close(cmd[1]);
        errno = e;
        return -1;
    }
    fflush(NULL);   /* nothing buffered may be written twice */
    pid_t pid = fork();
    if (pid == 0) {
        close(cmd[0]);
        close(rep[0]);
        worker(r, s, cmd[1], rep[1]);
    }
    int e = errno;
    close(cmd[1]);
    close(rep[1]);
    if (pid < 0) {
        close(cmd[0]);
        close(rep[0]);
        errno = e;
        return -1;
    }
    processes_started++;
    fcntl(rep[0], F_SETFL, O_NONBLOCK);
    s->pid = pid;
    s->cmd_fd = cmd[0];
    s->fd = rep[0];
    r->workers++;
    return 0;
}

/* A free slot, one with a worker waiting first. */
static slot *free_slot(runner *r)
{
    slot *none = NULL;
    for (int i = 0; i < r->opts->jobs; i++) {
        slot *s = &r->slots[i];
        if (!s->busy && s->pid > 0 && s->cmd_fd >= 0 && s->fd >= 0 && !s->overflow)
            return s;
        if (!s->busy && s->pid == 0 && !none)
            none = s;
    }
    return none;
}

/* Sends s's command, to a new worker when s has none. Returns 0, or -1
 * with errno set. */
static int send_task(runner *r, slot *s)
{
    if (s->pid == 0 && spawn(r, s) != 0)
        return -1;
    return export_command_send(s->cmd_fd, &s->cmd, s->set.private_fd);
}

/* The export whose worker died idle, to a new worker. */
static void send_again(runner *r, slot *s)
{
    if (send_task(r, s) == 0)
        return;
    const render_task *t = &r->tasks[s->task];
    fprintf(stderr, "quire: %s: %s/%s: cannot start the export: %s\n", t->plugin->name,
            r->opts->outdir, s->cmd.name, strerror(errno));
    if (s->pid > 0) {
        s->overflow = 1;
        kill(s->pid, SIGKILL);
    }
    note_code(r, EXIT_EXPORT);
    task_done(r, s, 0);
}

/* Starts task in slot s (free_slot's). */
static void start(runner *r, slot *s, size_t task)
{
    const render_task *t = &r->tasks[task];
    export_command c = {.task = (uint32_t)task};
    const char *pname = t->plugin->name;
    int n = snprintf(c.name, sizeof c.name, "%s.%s", t->dataset->id, t->plugin->extension);
    if (n < 0 || (size_t)n >= sizeof c.name) {
        fprintf(stderr, "quire: %s: %s/%s.%s: the file name is too long\n", pname,
                r->opts->outdir, t->dataset->id, t->plugin->extension);
        note_code(r, EXIT_EXPORT);
        return;
    }
    /* the slot's private directory: made for its first export, then kept;
     * the worker creates the file */
    if ((s->set.private_fd < 0 && output_set_init(&s->set, r->opts->outdir, r->outdir_fd) != 0) ||
        output_adopt(&s->set, c.name) != 0) {
        fprintf(stderr, "quire: %s: %s/%s: %s\n", pname, r->opts->outdir, c.name,
                strerror(errno));
        output_set_free(&s->set);
        note_code(r, EXIT_EXPORT);
        return;
    }
    c.by_fd = strncmp(s->set.private_dir, "/proc/self/fd/", 14) == 0;
    n = snprintf(c.private_path, sizeof c.private_path, "%s", s->set.private_dir);
    s->cmd = c;
    int had_worker = s->pid > 0;
    int failed = (size_t)n >= sizeof c.private_path ? (errno = ENAMETOOLONG, 1)
                                                     : send_task(r, s) != 0;
    if (failed && had_worker && (errno == EPIPE || errno == ECONNRESET)) {
        /* The worker died while idle, or lost its command socket: the
         * export goes to a fresh one once this one is reaped (reap). */
        kill(s->pid, SIGKILL);
        failed = 0;
    }
    if (failed) {
        fprintf(stderr, "quire: %s: %s/%s: cannot start the export: %s\n", pname,
                r->opts->outdir, c.name, strerror(errno));
        if (s->pid > 0) {   /* a worker that takes no command is replaced */
            s->overflow = 1;
            kill(s->pid, SIGKILL);
        }
        output_set_free(&s->set);
        note_code(r, EXIT_EXPORT);
        return;
    }
    s->task = task;
    s->busy = 1;
    r->running++;
}

/* Milliseconds until at (0 once it has passed). */
static long ms_until(struct timespec at)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (at.tv_sec - now.tv_sec) * 1000 + (at.tv_nsec - now.tv_nsec) / 1000000;
    return ms > 0 ? ms : 0;
}

/* How long poll may wait: until the grace period after a stop signal
 * ends, or a worker whose pipe ended is given up; -1: no limit. */
static int poll_timeout(const runner *r)
{
    long ms = r->interrupted && !r->killed ? ms_until(r->kill_at) : -1;
    for (int i = 0; i < r->opts->jobs; i++) {
        const slot *s = &r->slots[i];
        if (s->busy && s->pipe_lost && !s->overflow) {
            long m = ms_until(s->give_up_at);
            if (ms < 0 || m < ms)
                ms = m;
        }
    }
    return (int)ms;
}

/* s's report pipe ended before its report did. A worker that is ending
 * is reaped in a moment; one that lives on lost its pipe to its plugin
 * (closed, or another file put in its place) and would wait for its next
 * command for ever: it is killed after PIPE_LOST_SECONDS. */
static void pipe_ended(slot *s)
{
    if (!s->busy || s->fd >= 0 || s->pipe_lost)
        return;
    s->pipe_lost = 1;
    clock_gettime(CLOCK_MONOTONIC, &s->give_up_at);
    s->give_up_at.tv_sec += PIPE_LOST_SECONDS;
}

static void give_up_lost_pipes(runner *r)
{
    for (int i = 0; i < r->opts->jobs; i++) {
        slot *s = &r->slots[i];
        if (s->busy && s->pipe_lost && !s->overflow && ms_until(s->give_up_at) == 0) {
            s->overflow = 1;
            kill(s->pid, SIGKILL);   /* judged when it is reaped */
        }
    }
}

static void read_signals(runner *r)
{
    struct signalfd_siginfo si;
    while (read(r->sigfd, &si, sizeof si) == sizeof si) {
        if (si.ssi_signo == SIGCHLD)
            reap(r);
        else
            interrupt(r, (int)si.ssi_signo);
    }
}

/* One round: start what may start, wait for something to happen. */
static void step(runner *r)
{
    while (!r->interrupted && r->next < r->n && r->running < (size_t)r->opts->jobs) {
        slot *s = free_slot(r);
        if (!s)
            break;   /* a broken worker not reaped yet: its slot is free after */
        start(r, s, r->next++);
    }
    /* A worker with nothing more to do ends when its commands end. */
    for (int i = 0; i < r->opts->jobs; i++) {
        slot *s = &r->slots[i];
        if (s->pid > 0 && !s->busy && s->cmd_fd >= 0 && (r->interrupted || r->next >= r->n)) {
            close(s->cmd_fd);
            s->cmd_fd = -1;
        }
    }
    if (r->running == 0 && r->workers == 0)
        return;
    struct pollfd pfd[1 + r->opts->jobs];
    slot *who[1 + r->opts->jobs];
    nfds_t n = 0;
    pfd[n++] = (struct pollfd){r->sigfd, POLLIN, 0};
    for (int i = 0; i < r->opts->jobs; i++) {
        if (r->slots[i].busy && r->slots[i].fd >= 0) {
            who[n] = &r->slots[i];
            pfd[n++] = (struct pollfd){r->slots[i].fd, POLLIN, 0};
        }
    }
    int ready = poll(pfd, n, poll_timeout(r));
    if (r->interrupted && !r->killed && ms_until(r->kill_at) == 0) {
        kill_all(r, SIGKILL);
        r->killed = 1;
    }
    give_up_lost_pipes(r);
    if (ready <= 0)
        return;
    for (nfds_t i = 1; i < n; i++) {
        if (pfd[i].revents) {
            drain(who[i]);
            check_report(r, who[i], 1);
            pipe_ended(who[i]);
        }
    }
    if (pfd[0].revents)
        read_signals(r);
    reap(r);   /* a worker whose pipe just ended has probably ended too */
}

/* Blocks the signals the loop reads, and makes sure SIGCHLD is not
 * ignored (an ignored SIGCHLD would reap the children behind our back). */
static int signals_start(runner *r)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < N_STOP_SIGNALS; i++)
        sigaddset(&set, stop_signals[i]);
    sigaddset(&set, SIGCHLD);
    struct sigaction sa;
    if (sigaction(SIGCHLD, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) {
        sa.sa_handler = SIG_DFL;
        sigaction(SIGCHLD, &sa, NULL);
    }
    if (sigprocmask(SIG_BLOCK, &set, &r->old_mask) != 0)
        return -1;
    r->sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (r->sigfd < 0) {
        sigprocmask(SIG_SETMASK, &r->old_mask, NULL);
        return -1;
    }
    return 0;
}

static void signals_stop(runner *r)
{
    close(r->sigfd);
    sigprocmask(SIG_SETMASK, &r->old_mask, NULL);
}

int render_run(const render_task *tasks, size_t n, const render_opts *opts)
{
    runner r = {.tasks = tasks, .n = n, .opts = opts, .outdir_fd = -1, .sigfd = -1,
                .parent = getpid()};
    r.slots = calloc((size_t)opts->jobs, sizeof *r.slots);
    r.outdir_fd = open(opts->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (!r.slots || r.outdir_fd < 0 || signals_start(&r) != 0) {
        fprintf(stderr, "quire: %s: cannot start the render: %s\n", opts->outdir, strerror(errno));
        if (r.outdir_fd >= 0)
            close(r.outdir_fd);
        free(r.slots);
        return EXIT_EXPORT;
    }
    for (int i = 0; i < opts->jobs; i++)
        r.slots[i] = (slot){.fd = -1, .cmd_fd = -1, .set = {.private_fd = -1}};
    if (!opts->swept)
        output_sweep(r.outdir_fd, opts->outdir, opts->quiet ? NULL : stderr);
    while (r.running > 0 || r.workers > 0 || (!r.interrupted && r.next < r.n))
        step(&r);
    signals_stop(&r);
    for (int i = 0; i < opts->jobs; i++)
        output_set_free(&r.slots[i].set);
    close(r.outdir_fd);
    free(r.slots);
    if (r.interrupted) {
        fprintf(stderr, "quire: interrupted (%s); unfinished outputs removed\n",
                strsignal(r.interrupted));
        return EXIT_SIGNAL + r.interrupted;
    }
    return r.code;
}

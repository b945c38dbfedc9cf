/* Test plugin for the export workers (tests/batch/workers.sh): its export
 * of dataset region-3 crashes (SIGSEGV), of region-5 calls exit(0), of
 * region-7 returns an error, of region-9 puts /dev/null in place of the
 * worker's report pipe (then writes its output and returns as if all were
 * well); every other export writes the dataset's id.
 * Each export also leaves the pid of its process in $TP_CRASH_DIR/ID.pid,
 * so that the test can tell which exports shared a worker.
 *
 * With TP_CRASH_MODE=idle it instead ends its worker while the worker is
 * idle, after the export's report: region-4 leaves a thread that waits for
 * the worker's next command and calls _exit() when it comes (before the
 * worker can begin that export); region-7 shuts the worker's command
 * socket down (the parent's next command fails with EPIPE, or the worker
 * ends first); region-9 puts another socket in its place (EPIPE too, and
 * the worker waits on that one for ever). Every export writes the
 * dataset's id.
 *
 * With TP_CRASH_MODE=dirty every export writes, into its output and into
 * an extra output ID.extra.txt, the id and the state its process is in
 * (working directory, umask, pending alarm, SIGTERM's disposition and
 * mask), then leaves that state changed: region-3 changes directory to
 * /, sets umask 0, alarm(1) and an ITIMER_PROF, ignores and blocks SIGTERM;
 * region-5 leaves a descriptor open, region-7 a child that ended and was
 * never waited for, region-8 a child still running; region-11 lowers the
 * file size limit to 64 bytes (the soft limit), region-12 leaves a thread
 * running, region-13 puts /dev/null in place of stderr, region-14 leaves
 * a grandchild (its child forked and ended) that appends "LATE" to the
 * output two seconds later. */
#include <quire/quire-plugin.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* What a careless plugin may do: dup2 over a descriptor it does not own,
 * here every pipe open for writing (the worker's report pipe). */
static void replace_write_pipes(void)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    for (int fd = 3; fd < 1024; fd++) {
        struct stat st;
        int fl = fcntl(fd, F_GETFL);
        if (fd != null && fl >= 0 && (fl & O_ACCMODE) == O_WRONLY && fstat(fd, &st) == 0 &&
            S_ISFIFO(st.st_mode))
            dup2(null, fd);
    }
    close(null);
}

/* The worker's command socket: its one SOCK_SEQPACKET descriptor. */
static int command_socket(void)
{
    for (int fd = 3; fd < 1024; fd++) {
        int type;
        socklen_t len = sizeof type;
        if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) == 0 && type == SOCK_SEQPACKET)
            return fd;
    }
    return -1;
}

/* A leftover thread: it ends the process when the next command arrives.
 * It waits on the socket before the worker's own wait begins, so the
 * kernel wakes it first (one waiter woken per message). */
static void *exit_on_command(void *arg)
{
    char c;
    recv(*(int *)arg, &c, 1, MSG_PEEK);
    _exit(0);
}

static void end_when_idle(const char *id)
{
    static int fd;
    fd = command_socket();
    if (strcmp(id, "region-7") == 0 && fd >= 0)
        shutdown(fd, SHUT_RD);
    static int other[2];   /* kept open: nothing ever comes on other[0] */
    if (strcmp(id, "region-9") == 0 && fd >= 0 &&
        socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, other) == 0) {
        dup2(other[0], fd);
        close(other[0]);
    }
    pthread_t t;
    if (strcmp(id, "region-4") == 0 && fd >= 0 &&
        pthread_create(&t, NULL, exit_on_command, &fd) == 0) {
        pthread_detach(t);
        usleep(100 * 1000);   /* time for it to reach its wait */
    }
}

/* The process's state, as one line per item. */
static void describe_state(FILE *out, const char *id)
{
    char cwd[4096];
    mode_t mask = umask(0);
    umask(mask);
    struct itimerval real, prof;
    getitimer(ITIMER_REAL, &real);
    getitimer(ITIMER_PROF, &prof);
    struct sigaction term;
    sigaction(SIGTERM, NULL, &term);
    sigset_t blocked;
    sigprocmask(SIG_SETMASK, NULL, &blocked);
    fprintf(out, "%s\ncwd=%s\numask=%04o\nalarm=%ld\nprof=%ld\nsigterm=%s,%s\n", id,
            getcwd(cwd, sizeof cwd) ? cwd : "?", (unsigned)mask, (long)real.it_value.tv_sec,
            (long)prof.it_value.tv_sec,
            term.sa_handler == SIG_IGN ? "ignored" : term.sa_handler == SIG_DFL ? "default"
                                                                                 : "handled",
            sigismember(&blocked, SIGTERM) ? "blocked" : "unblocked");
}

static void *sleeper(void *arg)
{
    for (;;)
        pause();
    return arg;
}

static void leave_dirty(const char *id, const char *output)
{
    if (strcmp(id, "region-3") == 0) {
        (void)!chdir("/");
        umask(0);
        alarm(1);
        struct itimerval prof = {{0, 0}, {30, 0}};
        setitimer(ITIMER_PROF, &prof, NULL);
        signal(SIGTERM, SIG_IGN);
        sigset_t term;
        sigemptyset(&term);
        sigaddset(&term, SIGTERM);
        sigprocmask(SIG_BLOCK, &term, NULL);
    }
    if (strcmp(id, "region-5") == 0)
        open("/dev/null", O_RDONLY);
    if (strcmp(id, "region-7") == 0 && fork() == 0)
        _exit(0);
    if (strcmp(id, "region-8") == 0 && fork() == 0) {
        for (int fd = 0; fd < 1024; fd++)   /* holds nothing of the test's */
            close(fd);
        sleep(1);
        _exit(0);
    }
    if (strcmp(id, "region-11") == 0) {
        struct rlimit now;
        getrlimit(RLIMIT_FSIZE, &now);
        now.rlim_cur = 64;   /* the soft limit: the worker can raise it again */
        setrlimit(RLIMIT_FSIZE, &now);
    }
    if (strcmp(id, "region-12") == 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, sleeper, NULL) == 0)
            pthread_detach(t);
    }
    if (strcmp(id, "region-13") == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 2);
        close(null);
    }
    if (strcmp(id, "region-14") == 0) {
        pid_t middle = fork();
        if (middle == 0) {
            if (fork() == 0) {
                sleep(2);
                FILE *late = fopen(output, "a");
                if (late)
                    fputs("LATE\n", late), fclose(late);
            }
            _exit(0);
        }
        waitpid(middle, NULL, 0);
    }
}

static quire_status dirty(const quire_job *job, char *err, size_t size)
{
    const char *id = job->dataset->id;
    char extra[4096];
    if (job->host->open_output(job, ".extra.txt", extra, sizeof extra) != QUIRE_OK) {
        snprintf(err, size, "cannot ask for the extra output");
        return QUIRE_ERR_EXPORT;
    }
    const char *paths[] = {job->output_path, extra};
    for (int i = 0; i < 2; i++) {
        FILE *out = fopen(paths[i], "w");
        if (!out) {
            snprintf(err, size, "cannot write %s", paths[i]);
            return QUIRE_ERR_EXPORT;
        }
        describe_state(out, id);
        if (fclose(out) != 0)
            return QUIRE_ERR_EXPORT;
    }
    leave_dirty(id, job->output_path);
    return QUIRE_OK;
}

static quire_status crash(const quire_job *job, char *err, size_t size)
{
    const char *id = job->dataset->id;
    const char *dir = getenv("TP_CRASH_DIR");
    char path[4096];
    if (!dir || snprintf(path, sizeof path, "%s/%s.pid", dir, id) >= (int)sizeof path) {
        snprintf(err, size, "TP_CRASH_DIR is not set");
        return QUIRE_ERR_EXPORT;
    }
    FILE *p = fopen(path, "w");
    if (!p || fprintf(p, "%ld\n", (long)getpid()) < 0 || fclose(p) != 0) {
        snprintf(err, size, "cannot write %s", path);
        return QUIRE_ERR_EXPORT;
    }
    const char *mode = getenv("TP_CRASH_MODE");
    if (mode && strcmp(mode, "dirty") == 0)
        return dirty(job, err, size);
    if (mode && strcmp(mode, "idle") == 0) {
        end_when_idle(id);
        goto write;
    }
    if (strcmp(id, "region-3") == 0)
        raise(SIGSEGV);
    if (strcmp(id, "region-5") == 0)
        exit(0);
    if (strcmp(id, "region-9") == 0)
        replace_write_pipes();
    if (strcmp(id, "region-7") == 0) {
        snprintf(err, size, "refused %s", id);
        return QUIRE_ERR_EXPORT;
    }
write:;
    FILE *out = fopen(job->output_path, "w");
    if (!out) {
        snprintf(err, size, "cannot write the output");
        return QUIRE_ERR_EXPORT;
    }
    fprintf(out, "%s\n", id);
    return fclose(out) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE("crashy", "txt", "0.0.1", "crashes on region-3, exits on region-5", crash)

/* output.c — atomic outputs and the clean-up when a run is interrupted.
 *
 * Every temporary file is created and removed under one mutex and kept in
 * a list, so that the signal watcher can remove whatever is left without
 * racing a job that is creating or renaming one. */
#define _GNU_SOURCE /* asprintf */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* How long plugins get to notice progress() and stop before the watcher
 * removes the temporary files itself. */
#define GRACE_SECONDS 3

static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;
static const char **temps;      /* borrowed from the output sets */
static size_t n_temps, cap_temps;

static atomic_int interrupted_sig;
static pthread_t watcher;
static int watcher_running;
static int guard_done;           /* under temps_lock */
static pthread_cond_t done_cond = PTHREAD_COND_INITIALIZER;
static sigset_t old_mask;

static pthread_once_t mode_once = PTHREAD_ONCE_INIT;
static mode_t file_mode = 0644;

static void mode_init(void)
{
    /* umask can only be read by setting it; done once, before any thread. */
    mode_t mask = umask(0);
    umask(mask);
    file_mode = 0666 & ~mask;
}

int output_make_dir(const char *dir)
{
    char *path = strdup(dir);
    if (!path)
        return -1;
    int rc = -1;
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            goto cleanup;
        *p = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (stat(dir, &st) != 0)
        goto cleanup;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        goto cleanup;
    }
    if (access(dir, W_OK | X_OK) != 0)
        goto cleanup;
    rc = 0;
cleanup:
    free(path);
    return rc;
}

/* Both called with temps_lock held. */
static int temps_register(const char *path)
{
    if (n_temps == cap_temps) {
        size_t cap = cap_temps ? cap_temps * 2 : 16;
        const char **t = realloc(temps, cap * sizeof *t);
        if (!t)
            return -1;
        temps = t;
        cap_temps = cap;
    }
    temps[n_temps++] = path;
    return 0;
}

static void temps_unregister(const char *path)
{
    for (size_t i = 0; i < n_temps; i++) {
        if (temps[i] == path) {
            temps[i] = temps[--n_temps];
            break;
        }
    }
    if (n_temps == 0) {
        free(temps);
        temps = NULL;
        cap_temps = 0;
    }
}

static char *join_temp_name(const char *outdir, const char *name)
{
    char *s = NULL;
    if (asprintf(&s, "%s/.%s.XXXXXX", outdir, name) < 0)
        return NULL;
    return s;
}

static char *join_path(const char *outdir, const char *name)
{
    char *s = NULL;
    if (asprintf(&s, "%s/%s", outdir, name) < 0)
        return NULL;
    return s;
}

static int set_reserve(output_set *set)
{
    if (set->count < set->cap)
        return 0;
    size_t cap = set->cap ? set->cap * 2 : 4;
    output_file *f = realloc(set->files, cap * sizeof *f);
    if (!f)
        return -1;
    set->files = f;
    set->cap = cap;
    return 0;
}

/* Creates the temporary file and registers it, atomically with respect to
 * the watcher. */
static int temp_create(char *temp)
{
    int rc = -1;
    pthread_mutex_lock(&temps_lock);
    int fd = mkstemp(temp);
    if (fd < 0)
        goto cleanup;
    if (fchmod(fd, file_mode) != 0 || close(fd) != 0 || temps_register(temp) != 0) {
        int e = errno;
        unlink(temp);
        errno = e;
        goto cleanup;
    }
    rc = 0;
cleanup:
    pthread_mutex_unlock(&temps_lock);
    return rc;
}

const char *output_add(output_set *set, const char *outdir, const char *name)
{
    pthread_once(&mode_once, mode_init);
    char *final = join_path(outdir, name);
    char *temp = join_temp_name(outdir, name);
    if (!final || !temp || set_reserve(set) != 0)
        goto fail;
    for (size_t i = 0; i < set->count; i++) {
        if (strcmp(set->files[i].final, final) == 0) {
            errno = EEXIST;
            goto fail;
        }
    }
    if (temp_create(temp) != 0)
        goto fail;
    set->files[set->count++] = (output_file){temp, final};
    return temp;
fail:;
    int e = errno;
    free(final);
    free(temp);
    errno = e ? e : ENOMEM;
    return NULL;
}

static void file_drop(output_file *f)
{
    pthread_mutex_lock(&temps_lock);
    unlink(f->temp);
    temps_unregister(f->temp);
    pthread_mutex_unlock(&temps_lock);
}

int output_commit(output_set *set, const char **failed)
{
    size_t i = 0;
    for (; i < set->count; i++) {
        output_file *f = &set->files[i];
        pthread_mutex_lock(&temps_lock);
        int rc = rename(f->temp, f->final);
        int e = errno;
        if (rc == 0)
            temps_unregister(f->temp);
        pthread_mutex_unlock(&temps_lock);
        if (rc != 0) {
            *failed = f->final;
            for (size_t j = i; j < set->count; j++)
                file_drop(&set->files[j]);
            errno = e;
            return -1;
        }
    }
    return 0;
}

void output_abort(output_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        file_drop(&set->files[i]);
}

void output_set_free(output_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        free(set->files[i].temp);
        free(set->files[i].final);
    }
    free(set->files);
    *set = (output_set){0};
}

int output_interrupted(void)
{
    return atomic_load(&interrupted_sig);
}

/* After a signal: wait until the jobs have stopped (guard_done) or the
 * grace period is over; in the latter case remove what is left and exit. */
static void watcher_handle(int sig)
{
    atomic_store(&interrupted_sig, sig);
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += GRACE_SECONDS;
    pthread_mutex_lock(&temps_lock);
    while (!guard_done) {
        if (pthread_cond_timedwait(&done_cond, &temps_lock, &deadline) == ETIMEDOUT)
            break;
    }
    if (guard_done) {
        pthread_mutex_unlock(&temps_lock);
        return;
    }
    /* The lock stays held: no job can create or rename a file any more. */
    for (size_t i = 0; i < n_temps; i++)
        unlink(temps[i]);
    _exit(128 + sig);
}

static void *watcher_main(void *arg)
{
    (void)arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR2);   /* sent by output_guard_stop */
    for (;;) {
        int sig;
        if (sigwait(&set, &sig) != 0)
            continue;
        if (sig != SIGUSR2)
            watcher_handle(sig);
        return NULL;
    }
}

int output_guard_start(void)
{
    pthread_once(&mode_once, mode_init);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGUSR2);
    if (pthread_sigmask(SIG_BLOCK, &set, &old_mask) != 0)
        return -1;
    guard_done = 0;
    atomic_store(&interrupted_sig, 0);
    if (pthread_create(&watcher, NULL, watcher_main, NULL) != 0) {
        pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
        return -1;
    }
    watcher_running = 1;
    return 0;
}

int output_guard_stop(void)
{
    if (!watcher_running)
        return output_interrupted();
    pthread_mutex_lock(&temps_lock);
    guard_done = 1;
    pthread_cond_broadcast(&done_cond);
    pthread_mutex_unlock(&temps_lock);
    pthread_kill(watcher, SIGUSR2);
    pthread_join(watcher, NULL);
    watcher_running = 0;
    /* A SIGUSR2 sent to the watcher after it took a real signal dies with
     * the thread: it was directed at that thread only. */
    pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
    return output_interrupted();
}

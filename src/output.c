/* output.c — atomic outputs: a private directory per export, committed
 * into OUTDIR all together or not at all.
 *
 * Everything is done relative to directory descriptors (openat, renameat),
 * so that no path is resolved twice and no symlink planted in OUTDIR is
 * ever followed: renameat replaces a symlink at the target itself. */
#define _GNU_SOURCE /* asprintf */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define PRIVATE_PREFIX ".quire-"
/* Inside each private directory, made by the run that created it: the
 * sweep removes only directories that hold it (owned by this user), never
 * a directory another user renamed to a .quire- name. */
#define MARKER ".quire-private"
#define PRIVATE_TEMPLATE PRIVATE_PREFIX "XXXXXX"
/* Older files wait here during a commit, inside the private directory. */
#define ASIDE_DIR ".quire-older"
/* The names of a set being renamed into place, one a line: present only
 * while the renames run, so that the sweep can finish the commit of a run
 * killed in the middle of it (every file of the set is then the new one). */
#define JOURNAL ".quire-commit"
#define JOURNAL_MAX (1 << 20)
/* remove_tree descends no deeper: a plugin has no reason to nest folders. */
#define MAX_DEPTH 16

int (*output_rename_hook)(int, const char *, int, const char *);

static int do_rename(int from_fd, const char *from, int to_fd, const char *to)
{
    return output_rename_hook ? output_rename_hook(from_fd, from, to_fd, to)
                              : renameat(from_fd, from, to_fd, to);
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

/* Empties the open directory fd, never following a symlink; at the top,
 * a regular file named keep (NULL: none) stays, and *kept says whether
 * it was there. */
static int remove_contents_but(int fd, int depth, const char *keep, int *kept);

static int remove_contents(int fd, int depth)
{
    return remove_contents_but(fd, depth, NULL, NULL);
}

static int remove_contents_but(int fd, int depth, const char *keep, int *kept)
{
    int dup_fd = dup(fd);
    DIR *d = dup_fd >= 0 ? fdopendir(dup_fd) : NULL;
    if (!d) {
        if (dup_fd >= 0)
            close(dup_fd);
        return -1;
    }
    rewinddir(d);   /* the offset is fd's, where an earlier listing left it */
    int rc = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (keep && strcmp(e->d_name, keep) == 0 &&
            (e->d_type == DT_REG ||
             (e->d_type == DT_UNKNOWN && fstatat(fd, keep, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
              S_ISREG(st.st_mode)))) {
            *kept = 1;
            continue;
        }
        if (unlinkat(fd, e->d_name, 0) == 0)
            continue;
        if (errno == EISDIR && depth < MAX_DEPTH) {
            int sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            int emptied = sub >= 0 && remove_contents(sub, depth + 1) == 0;
            if (sub >= 0)
                close(sub);
            if (emptied && unlinkat(fd, e->d_name, AT_REMOVEDIR) == 0)
                continue;
        }
        rc = -1;
    }
    closedir(d);
    return rc;
}

static int remove_tree(int dirfd, const char *name, int depth)
{
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = remove_contents(fd, depth);
    close(fd);
    if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0)
        rc = -1;
    return rc;
}

/* Empties the directory open as fd, then removes name of dirfd only when
 * it is still that directory: one renamed away and replaced by another
 * user's is emptied through fd (it is ours) but not looked up by name. */
static int remove_own(int dirfd, const char *name, int fd)
{
    struct stat st, now;
    int rc = remove_contents(fd, 0);
    if (fstat(fd, &st) != 0 || fstatat(dirfd, name, &now, AT_SYMLINK_NOFOLLOW) != 0 ||
        st.st_ino != now.st_ino || st.st_dev != now.st_dev)
        return -1;
    if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0)
        rc = -1;
    return rc;
}

int output_remove_tree(int dirfd, const char *name)
{
    return remove_tree(dirfd, name, 0);
}

/* .quire-XXXXXX as mkdtemp makes it. */
static int is_private_name(const char *name)
{
    size_t n = strlen(PRIVATE_PREFIX);
    if (strncmp(name, PRIVATE_PREFIX, n) != 0 || strlen(name) != n + 6)
        return 0;
    for (const char *p = name + n; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            return 0;
    return 1;
}

/* A name the journal may hold: a plain file name of OUTDIR, not hidden. */
static int journal_name_ok(const char *name)
{
    return name[0] && name[0] != '.' && !strchr(name, '/');
}

/* The run that owned the private directory fd was killed while it renamed
 * a set into OUTDIR: the files the journal names that are still here are
 * the rest of the set (checked whole before the commit began), so they
 * go into place too, and the set is whole and new. Returns how many. */
static size_t roll_forward(int outdir_fd, int fd)
{
    int j = openat(fd, JOURNAL, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (j < 0)
        return 0;
    static char text[JOURNAL_MAX + 1];
    size_t len = 0;
    ssize_t n;
    while (len < JOURNAL_MAX && (n = read(j, text + len, JOURNAL_MAX - len)) > 0)
        len += (size_t)n;
    close(j);
    text[len] = '\0';
    size_t moved = 0;
    char *save = NULL;
    for (char *name = strtok_r(text, "\n", &save); name; name = strtok_r(NULL, "\n", &save)) {
        struct stat st, at;
        if (!journal_name_ok(name) || fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode))
            continue;
        if (fstatat(outdir_fd, name, &at, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(at.st_mode))
            continue;
        moved += renameat(fd, name, outdir_fd, name) == 0;
    }
    return moved;
}

/* Removes name when it is a private directory this user's quire made (mode
 * 0700, with the marker inside) that nobody holds locked. Returns 1 when
 * removed. */
static int sweep_one(int outdir_fd, const char *name)
{
    struct stat st, fst;
    if (fstatat(outdir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode) ||
        st.st_uid != geteuid())
        return 0;
    int fd = openat(outdir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return 0;
    int removed = 0;
    struct stat mark;
    if (fstat(fd, &fst) == 0 && fst.st_ino == st.st_ino && fst.st_dev == st.st_dev &&
        (fst.st_mode & 07777) == 0700 &&
        fstatat(fd, MARKER, &mark, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(mark.st_mode) &&
        mark.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0) {
        roll_forward(outdir_fd, fd);
        removed = remove_own(outdir_fd, name, fd) == 0;
    }
    close(fd);   /* releases the lock, after the removal */
    return removed;
}

size_t output_sweep(int outdir_fd, const char *outdir, FILE *notes)
{
    int fd = dup(outdir_fd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return 0;
    }
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (!is_private_name(e->d_name) || !sweep_one(outdir_fd, e->d_name))
            continue;
        n++;
        if (notes)
            fprintf(notes, "quire: note: removed %s/%s, left by a run that was killed\n",
                    outdir, e->d_name);
    }
    closedir(d);
    return n;
}

static int lock_dir(int fd)
{
    while (flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR)
            continue;
        return errno == ENOLCK || errno == EOPNOTSUPP || errno == ENOSYS || errno == EINVAL
                   ? 0 : -1;
    }
    return 0;
}

static int mark_private(int fd)
{
    int m = openat(fd, MARKER, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    return m >= 0 && close(m) == 0 ? 0 : -1;
}

/* Plugins and libraries write by path: give them /proc/self/fd/N, which
 * names the directory we created and hold open wherever another user who
 * can write OUTDIR renames it or plants a symlink at its name (a fork keeps
 * N). Without /proc, the path in OUTDIR (see docs/outputs.md). */
static int use_fd_path(output_set *set, int fd, const char *base)
{
    char *path = NULL;
    struct stat by_fd, by_path;
    if (asprintf(&path, "/proc/self/fd/%d", fd) < 0)
        return -1;
    if (stat(path, &by_path) == 0 && fstat(fd, &by_fd) == 0 &&
        by_path.st_ino == by_fd.st_ino && by_path.st_dev == by_fd.st_dev) {
        set->private_name = set->private_dir;
        set->private_dir = path;
    } else {
        free(path);
        set->private_name = strdup(set->private_dir);
        if (!set->private_name)
            return -1;
    }
    memmove(set->private_name, base, strlen(base) + 1);
    return 0;
}

int output_set_init(output_set *set, const char *outdir, int outdir_fd)
{
    *set = (output_set){.outdir = outdir, .outdir_fd = outdir_fd, .private_fd = -1};
    for (int attempt = 0; attempt < 16; attempt++) {
        if (asprintf(&set->private_dir, "%s/" PRIVATE_TEMPLATE, outdir) < 0) {
            set->private_dir = NULL;
            return -1;
        }
        if (!mkdtemp(set->private_dir))   /* mode 0700 */
            goto fail;
        const char *base = strrchr(set->private_dir, '/') + 1;
        int fd = openat(outdir_fd, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT) {
            /* Another run's sweep took it before we could lock it: the
             * race the lock below guards against, seen one step earlier. */
            free(set->private_dir);
            set->private_dir = NULL;
            continue;
        }
        if (fd < 0) {
            int e = errno;
            unlinkat(outdir_fd, base, AT_REMOVEDIR);
            errno = e;
            goto fail;
        }
        /* A sweeping run may have taken it between mkdtemp and the lock:
         * then it is gone, and we try another name. A file system without
         * locks gets no lock: the sweep never removes what it cannot lock. */
        struct stat st, now;
        if (lock_dir(fd) == 0 && fstat(fd, &st) == 0 &&
            fstatat(outdir_fd, base, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
            st.st_ino == now.st_ino && st.st_dev == now.st_dev && mark_private(fd) == 0 &&
            use_fd_path(set, fd, base) == 0) {
            set->private_fd = fd;
            return 0;
        }
        close(fd);
        free(set->private_dir);
        set->private_dir = NULL;
    }
    errno = EAGAIN;
    return -1;
fail:;
    int e = errno;
    free(set->private_dir);
    set->private_dir = NULL;
    errno = e;
    return -1;
}

static int is_plain_name(const char *name)
{
    return name[0] != '\0' && name[0] != '.' && !strchr(name, '/');
}

static int set_append(output_set *set, const char *name)
{
    if (!is_plain_name(name) || set->private_fd < 0) {
        errno = EINVAL;
        return -1;
    }
    if (strlen(name) > NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (size_t i = 0; i < set->count; i++) {
        if (strcmp(set->files[i].name, name) == 0) {
            errno = EEXIST;
            return -1;
        }
    }
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 4;
        output_file *f = realloc(set->files, cap * sizeof *f);
        if (!f)
            return -1;
        set->files = f;
        set->cap = cap;
    }
    output_file f = {strdup(name), NULL, NULL};
    if (!f.name || asprintf(&f.temp, "%s/%s", set->private_dir, name) < 0 ||
        asprintf(&f.final, "%s/%s", set->outdir, name) < 0) {
        free(f.name);
        free(f.temp);
        errno = ENOMEM;
        return -1;
    }
    set->files[set->count++] = f;
    return 0;
}

const char *output_add(output_set *set, const char *name)
{
    if (set_append(set, name) != 0)
        return NULL;
    /* Created now with the user's umask, so that plugins that only
     * truncate it keep that mode. */
    int fd = openat(set->private_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                    0666);
    if (fd < 0 || close(fd) != 0) {
        int e = errno;
        output_file *f = &set->files[--set->count];
        free(f->name);
        free(f->temp);
        free(f->final);
        errno = e;
        return NULL;
    }
    return set->files[set->count - 1].temp;
}

int output_adopt(output_set *set, const char *name)
{
    return set_append(set, name);
}

/* What a commit did with the older file at a target. */
typedef enum kept { KEPT_NONE, KEPT_LINKED, KEPT_MOVED } kept;

static int fail_with(char *err, size_t size, const char *path, const char *why)
{
    snprintf(err, size, "%s: %s", path, why);
    return -1;
}

/* Every new file is a regular file, and no target is a directory. */
static int check_targets(const output_set *set, char *err, size_t size)
{
    for (size_t i = 0; i < set->count; i++) {
        const output_file *f = &set->files[i];
        struct stat st;
        if (fstatat(set->private_fd, f->name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            return fail_with(err, size, f->final, "the plugin did not write it");
        if (!S_ISREG(st.st_mode))
            return fail_with(err, size, f->final, "the plugin wrote something else than a file");
        if (fstatat(set->outdir_fd, f->name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            if (S_ISDIR(st.st_mode))
                return fail_with(err, size, f->final, "a directory has that name");
        } else if (errno != ENOENT) {
            return fail_with(err, size, f->final, strerror(errno));
        }
    }
    return 0;
}

/* The private directory's ASIDE_DIR, created. Returns its descriptor, or
 * -1 with errno set. */
static int open_aside(const output_set *set)
{
    if (mkdirat(set->private_fd, ASIDE_DIR, 0700) != 0)
        return -1;
    return openat(set->private_fd, ASIDE_DIR, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

/* Keeps the older file at each target in *aside_fd (created at the first
 * older file): a hard link leaves it in place until the new one replaces
 * it; where no link can be made (another owner's file under
 * protected_hardlinks), it is moved. */
static int keep_older(const output_set *set, int *aside_fd, kept *k, char *err, size_t size)
{
    for (size_t i = 0; i < set->count; i++) {
        const char *name = set->files[i].name;
        struct stat st;
        k[i] = KEPT_NONE;
        if (fstatat(set->outdir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (*aside_fd < 0 && (*aside_fd = open_aside(set)) < 0)   /* nothing kept yet */
            return fail_with(err, size, set->private_dir, strerror(errno));
        if (linkat(set->outdir_fd, name, *aside_fd, name, 0) == 0)
            k[i] = KEPT_LINKED;
        else if (renameat(set->outdir_fd, name, *aside_fd, name) == 0)
            k[i] = KEPT_MOVED;
        else {
            int e = errno;
            for (size_t j = 0; j < i; j++)
                if (k[j] == KEPT_MOVED)
                    renameat(*aside_fd, set->files[j].name, set->outdir_fd, set->files[j].name);
            return fail_with(err, size, set->files[i].final, strerror(e));
        }
    }
    return 0;
}

/* Undoes renames [0, done) and puts back what keep_older moved. */
static void roll_back(const output_set *set, int aside_fd, const kept *k, size_t done)
{
    for (size_t i = 0; i < set->count; i++) {
        const char *name = set->files[i].name;
        if (k[i] != KEPT_NONE && (i < done || k[i] == KEPT_MOVED))
            renameat(aside_fd, name, set->outdir_fd, name);
        else if (i < done)
            unlinkat(set->outdir_fd, name, 0);
    }
}

/* Writes the journal of the set's names (see JOURNAL). Returns 0 or -1. */
static int write_journal(const output_set *set)
{
    int fd = openat(set->private_fd, JOURNAL, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
                    O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return -1;
    }
    for (size_t i = 0; i < set->count; i++)
        fprintf(f, "%s\n", set->files[i].name);
    return (ferror(f) | fclose(f)) ? -1 : 0;
}

/* QUIRE_TEST_KILL_IN_COMMIT=N: quire kills itself before the Nth rename
 * of a commit (1 is the first), as a SIGKILL at that moment would. For
 * tests/hostile/commit_kill.sh; nothing else sets it. */
static void test_kill_point(size_t i)
{
    const char *at = getenv("QUIRE_TEST_KILL_IN_COMMIT");
    if (at && *at && strtoul(at, NULL, 10) == i + 1)
        kill(getpid(), SIGKILL);
}

int output_commit(output_set *set, char *err, size_t size)
{
    if (check_targets(set, err, size) != 0)
        return -1;
    kept *k = calloc(set->count ? set->count : 1, sizeof *k);
    int aside_fd = -1, rc = -1;
    if (!k)
        return fail_with(err, size, set->private_dir, strerror(errno));
    if (keep_older(set, &aside_fd, k, err, size) != 0)
        goto cleanup;
    if (set->count > 1 && write_journal(set) != 0) {
        fail_with(err, size, set->private_dir, strerror(errno));
        roll_back(set, aside_fd, k, 0);
        goto cleanup;
    }
    for (size_t i = 0; i < set->count; i++) {
        const output_file *f = &set->files[i];
        test_kill_point(i);
        if (do_rename(set->private_fd, f->name, set->outdir_fd, f->name) != 0) {
            fail_with(err, size, f->final, strerror(errno));
            unlinkat(set->private_fd, JOURNAL, 0);   /* back to the older set, not forward */
            roll_back(set, aside_fd, k, i);
            goto cleanup;
        }
    }
    if (set->count > 1)
        unlinkat(set->private_fd, JOURNAL, 0);
    rc = 0;
cleanup:
    if (aside_fd >= 0)
        close(aside_fd);
    free(k);
    return rc;
}

int output_set_empty(output_set *set)
{
    struct stat st;
    int kept = 0;
    int ok = set->private_fd >= 0 && fstat(set->private_fd, &st) == 0 &&
             (st.st_mode & 07777) == 0700 &&
             remove_contents_but(set->private_fd, 0, MARKER, &kept) == 0 && kept;
    for (size_t i = 0; i < set->count; i++) {
        free(set->files[i].name);
        free(set->files[i].temp);
        free(set->files[i].final);
    }
    set->count = 0;
    return ok ? 0 : -1;
}

void output_set_forget(output_set *set)
{
    free(set->private_name);
    for (size_t i = 0; i < set->count; i++) {
        free(set->files[i].name);
        free(set->files[i].temp);
        free(set->files[i].final);
    }
    free(set->files);
    if (set->private_fd >= 0)
        close(set->private_fd);
    free(set->private_dir);
    *set = (output_set){.private_fd = -1};
}

void output_set_free(output_set *set)
{
    if (set->private_fd >= 0)
        remove_own(set->outdir_fd, set->private_name, set->private_fd);
    output_set_forget(set);   /* the lock goes only after the removal */
}

/* input_path.c — confining and opening the files a dataset or template
 * names. The check is made twice: lexically first (so `../../etc/shadow`
 * is refused without looking at the file system, and whether it exists is
 * not revealed), then on the real locations, which catches symlinks. */
#include "input_path.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OUTSIDE_HINT "(--allow-any-path allows it)"

int input_dir_of(const char *file, char *out, size_t out_size)
{
    const char *slash = strrchr(file, '/');
    size_t n;
    if (!slash) {
        file = ".";
        n = 1;
    } else {
        n = (size_t)(slash - file);
        while (n > 0 && file[n - 1] == '/')
            n--;
        if (n == 0)
            n = 1;  /* "/x": the root itself */
    }
    if (n + 1 > out_size)
        return -1;
    memcpy(out, file, n);
    out[n] = '\0';
    return 0;
}

/* 1 when some `..` of rel climbs above the folder it starts in. */
static int climbs_out(const char *rel)
{
    long depth = 0;
    const char *p = rel;
    while (*p) {
        while (*p == '/')
            p++;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return 1;
        } else if (n > 0 && !(n == 1 && p[0] == '.')) {
            depth++;
        }
        p += n;
    }
    return 0;
}

static int join(const char *base_dir, const char *rel, char *out, size_t out_size)
{
    int n;
    if (rel[0] == '/' || strcmp(base_dir, ".") == 0)
        n = snprintf(out, out_size, "%s", rel);
    else if (base_dir[strlen(base_dir) - 1] == '/')
        n = snprintf(out, out_size, "%s%s", base_dir, rel);
    else
        n = snprintf(out, out_size, "%s/%s", base_dir, rel);
    return n < 0 || (size_t)n >= out_size ? -1 : 0;
}

static int refuse(char *err, size_t err_size, const char *why)
{
    snprintf(err, err_size, "%s", why);
    return -1;
}

/* 1 when the real location of path is base_real or inside it. */
static int inside(const char *base_real, const char *path_real)
{
    size_t n = strlen(base_real);
    if (strcmp(base_real, "/") == 0)
        return 1;
    return strncmp(path_real, base_real, n) == 0 &&
           (path_real[n] == '/' || path_real[n] == '\0');
}

int input_resolve(const char *base_dir, const char *rel, int allow_any, char *out,
                  size_t out_size, char *err, size_t err_size)
{
    if (out_size > 0)
        out[0] = '\0';
    if (!rel[0])
        return refuse(err, err_size, "an empty path");
    if (join(base_dir[0] ? base_dir : ".", rel, out, out_size) != 0)
        return refuse(err, err_size, strerror(ENAMETOOLONG));
    if (allow_any)
        return 0;
    if (rel[0] == '/')
        return refuse(err, err_size, "an absolute path; a file must be named relative to "
                                     "the folder of the file that names it " OUTSIDE_HINT);
    if (climbs_out(rel))
        return refuse(err, err_size, "the path leaves the folder of the file that names "
                                     "it " OUTSIDE_HINT);
    char *base_real = realpath(base_dir[0] ? base_dir : ".", NULL);
    if (!base_real)
        return refuse(err, err_size, strerror(errno));
    char *path_real = realpath(out, NULL);
    int rc = 0;
    if (!path_real)
        rc = refuse(err, err_size, strerror(errno));
    else if (!inside(base_real, path_real))
        rc = refuse(err, err_size, "a symbolic link leads outside the folder of the file "
                                   "that names it " OUTSIDE_HINT);
    free(path_real);
    free(base_real);
    return rc;
}

static const char *kind_of(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "not a regular file (a FIFO)";
    if (S_ISCHR(mode))
        return "not a regular file (a character device)";
    if (S_ISBLK(mode))
        return "not a regular file (a block device)";
    if (S_ISSOCK(mode))
        return "not a regular file (a socket)";
    return "not a regular file";
}

int input_open_regular_fd(const char *path, char *err, size_t err_size)
{
    /* O_NONBLOCK: opening a FIFO without a writer returns at once instead
     * of waiting forever; it is cleared once the file is known regular. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    int e;
    if (fd < 0) {
        e = errno;
        snprintf(err, err_size, "%s", strerror(e));
        errno = e;
        return -1;
    }
    if (fstat(fd, &st) != 0) {
        e = errno;
        snprintf(err, err_size, "%s", strerror(e));
        goto fail;
    }
    if (S_ISDIR(st.st_mode)) {
        e = EISDIR;
        snprintf(err, err_size, "%s", strerror(e));
        goto fail;
    }
    if (!S_ISREG(st.st_mode)) {
        e = EINVAL;
        snprintf(err, err_size, "%s", kind_of(st.st_mode));
        goto fail;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        e = errno;
        snprintf(err, err_size, "%s", strerror(e));
        goto fail;
    }
    return fd;
fail:
    close(fd);
    errno = e;
    return -1;
}

int input_open_regular(const char *path, FILE **out, char *err, size_t err_size)
{
    *out = NULL;
    int fd = input_open_regular_fd(path, err, err_size);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        snprintf(err, err_size, "%s", strerror(e));
        close(fd);
        errno = e;
        return -1;
    }
    *out = f;
    return 0;
}

/* read() until len bytes, the end of the file or an error (-1). */
static ssize_t read_up_to(int fd, unsigned char *buf, size_t len)
{
    size_t n = 0;
    while (n < len) {
        ssize_t got = read(fd, buf + n, len - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        n += (size_t)got;
    }
    return (ssize_t)n;
}

int input_read_all(const char *path, arena *a, long max, const unsigned char **data,
                   size_t *size, char *err, size_t err_size)
{
    int fd = input_open_regular_fd(path, err, err_size);
    if (fd < 0)
        return -1;
    /* The usual case: the file is as long as fstat says, so read it
     * straight into the arena (a 10 MB dataset is one copy, not three). */
    struct stat st;
    if (fstat(fd, &st) == 0 && st.st_size >= 0 && st.st_size <= max) {
        size_t want = (size_t)st.st_size;
        unsigned char *whole = arena_alloc(a, want + 1);
        ssize_t got = whole ? read_up_to(fd, whole, want + 1) : -1;
        if (got >= 0 && (size_t)got <= want) {
            close(fd);
            whole[got] = '\0';
            *data = whole, *size = (size_t)got;
            return 0;
        }
        /* it grew while read (or a read failed): read it again the slow way */
        if (lseek(fd, 0, SEEK_SET) != 0) {
            int e = errno;
            snprintf(err, err_size, "%s", strerror(e));
            close(fd);
            errno = e;
            return -1;
        }
    }
    size_t cap = 64 * 1024, n = 0;
    unsigned char *buf = malloc(cap);
    int rc = 0;
    while (buf) {
        if (n == cap) {
            if (cap > (size_t)max) {
                snprintf(err, err_size, "larger than %ld MiB", max >> 20);
                errno = EFBIG;
                rc = -1;
                break;
            }
            unsigned char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p, cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            snprintf(err, err_size, "%s", strerror(errno));
            rc = -1;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    int e = errno;
    close(fd);
    unsigned char *copy = rc == 0 && buf ? arena_alloc(a, n + 1) : NULL;
    if (copy) {
        memcpy(copy, buf, n);
        copy[n] = '\0';
        *data = copy, *size = n;
    }
    free(buf);
    if (rc == 0 && !copy) {
        snprintf(err, err_size, "%s", strerror(ENOMEM));
        errno = ENOMEM;
        return -1;
    }
    errno = e;
    return rc;
}

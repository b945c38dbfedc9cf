/* export_child.c — one export in a child process, and its report.
 *
 * The report: "QRPT", a 32-bit payload length, then the payload: the
 * status and the count of errors reported with host->report (32-bit
 * each), the message, then two lists (a 32-bit count, then strings): the
 * extra output files and the font files. A string is a 32-bit length and
 * its bytes. Parent and child are the same program on the same machine,
 * so integers go in the host's byte order. */
#include "export_child.h"

#include "fonts.h"
#include "host.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
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

/* The parent stops a child with SIGTERM (and SIGKILL after a grace
 * period): a plugin that calls progress() returns in time. A parent that
 * dies without stopping it (SIGKILL, or any signal it does not handle)
 * takes the child along: PR_SET_PDEATHSIG, checked against a parent that
 * died before the call. The private directory is swept by the next run. */
static void child_setup(pid_t parent)
{
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
        _exit(127);
    struct sigaction sa = {0};
    sa.sa_handler = on_term;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    /* A crashing plugin must not leave a core file behind either. */
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
}

_Noreturn void export_child_run(const render_task *t, output_set *outputs, int quiet, int fd,
                                pid_t parent)
{
    child_setup(parent);
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
    char err[1024] = "";
    quire_status st = p->export_fn(&hj.pub, err, sizeof err);
    host_job_end_progress(&hj);
    err[sizeof err - 1] = '\0';

    buf payload = {0};
    put_u32(&payload, (uint32_t)st);
    put_u32(&payload, (uint32_t)hj.reported_errors);
    put_str(&payload, err);
    put_u32(&payload, (uint32_t)(outputs->count - 1));
    for (size_t i = 1; i < outputs->count; i++)
        put_str(&payload, outputs->files[i].name);
    put_u32(&payload, (uint32_t)hj.n_fonts);
    for (size_t i = 0; i < hj.n_fonts; i++)
        put_str(&payload, hj.fonts[i]);
    host_job_free(&hj);
    output_set_forget(outputs);   /* the parent commits or removes the files */
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
    int leaked = 0;
    buf msg = {0};
    put(&msg, MAGIC, 4);
    put_u32(&msg, (uint32_t)payload.len);
    put(&msg, payload.data, payload.len);
    int bad = payload.failed || msg.failed || write_all(fd, msg.data, msg.len) != 0;
    free(payload.data);
    free(msg.data);
    /* _exit: the parent's atexit handlers and stdio buffers are not ours. */
    _exit(bad ? 1 : leaked);
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

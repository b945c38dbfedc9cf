/* export_child.h — the export worker: a child process that runs export
 * after export of one window of a render, and the report it sends its
 * parent after each.
 *
 * The parent forks one worker per -j slot when the slot first has work (a
 * worker inherits the window's datasets, templates, plugins and loaded
 * faces). For each export it creates the private directory and sends the
 * worker a command: the task's index and the directory's descriptor
 * (SCM_RIGHTS). The worker calls the plugin and, when the plugin returns,
 * writes one report (status, message, the names of the extra files it
 * asked for, the font files it used) and waits for the next command; it
 * ends when the parent closes the command socket. A plugin that crashes or
 * calls exit() ends the worker before its report: the parent sees that,
 * fails that export only (its outputs are never committed) and starts a
 * new worker for the next one.
 *
 * Before each export the worker puts back its working directory, umask,
 * signal dispositions and mask and cancels the timers a plugin may have
 * left; after it, a worker whose plugin left a descriptor open or a child
 * process behind ends after its report (it retires): the parent starts a
 * new one for the next export.
 *
 * Before it calls the plugin, the worker writes EXPORT_STARTED to the
 * report pipe: a worker that dies without having written it (killed
 * while idle, or ended by a previous export's leftover thread) never
 * began that export, which the parent then sends once more, to a fresh
 * worker. */
#ifndef QUIRE_EXPORT_CHILD_H
#define QUIRE_EXPORT_CHILD_H

#include <stdint.h>
#include <sys/types.h>

#include "output.h"
#include "render.h"

/* The byte a worker writes before it calls the plugin. */
#define EXPORT_STARTED 'S'
/* The exit status of a worker whose plugin closed or replaced its report
 * pipe (it finds out before it writes the report). */
#define EXPORT_PIPE_LOST 119

/* What the child sent. */
typedef struct export_report {
    quire_status status;
    int reported_errors;     /* errors the plugin reported with host->report */
    char err[1024];          /* the plugin's message, "" when none */
    char **names;            /* files asked for with open_output, in order */
    size_t n_names;
    char **fonts;            /* font files find_font gave the plugin */
    size_t n_fonts;
    char retires[128];       /* what the plugin left that retires the worker, "" if none */
} export_report;

/* What the parent sends the worker for one export, with the private
 * directory's descriptor as ancillary data (one SOCK_SEQPACKET message). */
typedef struct export_command {
    uint32_t task;            /* index into the worker's tasks */
    uint32_t by_fd;           /* the parent writes under /proc/self/fd/N: so does the worker */
    char private_path[4096];  /* else: the private directory's path in OUTDIR */
    char name[256];           /* the main output's file name */
} export_command;

/* In the worker: receives commands on cmd_fd and runs the exports of tasks
 * (n of them) into OUTDIR outdir, writing a report to report_fd after
 * each. Never returns: ends when cmd_fd ends, or after a SIGTERM. parent
 * is the pid of quire's process: the worker dies with it
 * (PR_SET_PDEATHSIG). */
_Noreturn void export_worker_run(const render_task *tasks, size_t n, const char *outdir,
                                 int quiet, int cmd_fd, int report_fd, pid_t parent);

/* In the parent: sends c and the directory descriptor dir_fd to a worker.
 * Returns 0, or -1 with errno set. */
int export_command_send(int cmd_fd, const export_command *c, int dir_fd);

/* In the parent: how many bytes of buf (len of them) the first report
 * takes once it arrived whole, 0 while it is still coming. */
size_t export_report_size(const char *buf, size_t len);

/* In the parent: decodes the len bytes the child sent. Returns 0 when they
 * are one whole report, -1 otherwise (nothing, or cut short). */
int export_report_parse(const char *buf, size_t len, export_report *r);
void export_report_free(export_report *r);

#endif

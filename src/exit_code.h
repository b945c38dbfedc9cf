/* exit_code.h — the exit status of quire, one name per meaning (SPEC.md). */
#ifndef QUIRE_EXIT_CODE_H
#define QUIRE_EXIT_CODE_H

typedef enum exit_code {
    EXIT_OK = 0,
    EXIT_USAGE = 1,        /* bad command line */
    EXIT_INVALID = 2,      /* invalid or missing dataset, template or referenced file */
    EXIT_PLUGIN = 3,       /* plugin not found, not loadable or of another ABI */
    EXIT_EXPORT = 4,       /* export or I/O failure, out of memory */
    EXIT_SIGNAL = 128      /* + the signal number: interrupted */
} exit_code;

#endif

/* Test plugin "esc": its warning and its error message carry terminal
 * controls (ESC, BEL, a C1 CSI as UTF-8 and as a lone byte), as a plugin
 * quoting dataset text would. quire must print them escaped. */
#include <quire/quire-plugin.h>

#include <stdio.h>

static quire_status export_esc(const quire_job *job, char *err, size_t size)
{
    job->host->diag(job, QUIRE_WARNING, "esc\x1b[1m", "title \x1b]0;pwned\x07 here \xc2\x9b" "2J");
    snprintf(err, size, "failed on \x1b[31mred\x1b[0m\x07 and \x9b" "2J");
    return QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE("esc", "esc", "0.0.1", "prints terminal controls", export_esc)

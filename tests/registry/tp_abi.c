/* Test plugin: a descriptor from a future ABI the host must refuse. */
#include <quire/quire-plugin.h>

static quire_status never(const quire_job *job, char *err, size_t size)
{
    return QUIRE_ERR_EXPORT;   /* must never be called */
}

QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void);
QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void)
{
    static const quire_plugin d = {999, sizeof(quire_plugin), "abi", "abi", "0.0.1",
                                   "built for ABI 999", never, NULL, NULL, 0, 0, {0}};
    return &d;
}

/* Test plugin: a shared object without the entry symbol. */
#include <quire/quire-plugin.h>

QUIRE_EXPORT int not_the_entry(void);
QUIRE_EXPORT int not_the_entry(void)
{
    return 1;
}

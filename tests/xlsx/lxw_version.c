/* lxw_version.c — prints the libxlsxwriter the XLSX plugin runs with and
 * the one its headers were (LXW_VERSION), for tests/xlsx/lxw_guard.sh. */
#include <stdio.h>

#include <xlsxwriter.h>

int main(void)
{
    printf("%s %s\n", lxw_version(), LXW_VERSION);
    return 0;
}

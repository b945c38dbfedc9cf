/*
 * yaml_floor.c — the floor for the loader: libyaml parsing the benchmark
 * dataset into events and nothing else.
 *
 *   bench_xlsx_yaml_floor DATASET.yaml
 */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    yaml_parser_t p;
    yaml_event_t e;
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    long events = 0;
    int done = 0, rc = 1;

    if (!f || !yaml_parser_initialize(&p))
        return 1;
    yaml_parser_set_input_file(&p, f);
    while (!done) {
        if (!yaml_parser_parse(&p, &e))
            goto cleanup;
        done = e.type == YAML_STREAM_END_EVENT;
        events++;
        yaml_event_delete(&e);
    }
    printf("%ld events\n", events);
    rc = 0;
cleanup:
    yaml_parser_delete(&p);
    fclose(f);
    return rc;
}

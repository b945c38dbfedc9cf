/* floor.c — the floor of the load benchmark: parses a YAML file with
 * libyaml's event API and nothing else. Prints events, seconds, peak RSS. */
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <yaml.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench-floor FILE.yaml\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    double t0 = now();
    yaml_parser_t parser;
    yaml_event_t event;
    size_t events = 0;
    int done = 0, status = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s: %s\n", argv[1], parser.problem);
            status = 1;
            break;
        }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
    }
    yaml_parser_delete(&parser);
    fclose(f);
    double secs = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    /* CPU time too: the wall clock of a shared machine says little. */
    double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
                 (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    printf("floor\tevents=%zu\tseconds=%.3f\tcpu=%.3f\tpeak_rss_kib=%ld\n", events, secs, cpu, ru.ru_maxrss);
    return status;
}

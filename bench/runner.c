/*
 * bench/runner: interleaved wall-clock benchmark of whole commands.
 *
 *   runner [-n RUNS] [-w WARMUP] LABEL 'COMMAND ARGS...' [LABEL 'COMMAND ...']...
 *
 * Runs every command once per round, round after round (interleaved, so a
 * noisy neighbour slows all of them alike), in a new random order each round
 * (a command run right after a heavy one pays for the caches that one
 * evicted: shuffling gives every command the same chance of following each
 * other; a fixed order, or a rotating one, does not), with stdout and stdin on
 * /dev/null, and prints per command: label, median wall time in
 * microseconds, median as a ratio to the first command, and peak resident
 * memory (KiB, the largest of the runs). Commands are split on spaces; no
 * shell is involved. A command that exits non-zero is reported and ends the
 * benchmark with status 1.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_COMMANDS = 16, MAX_ARGS = 64 };

struct command {
    const char *label;
    char *argv[MAX_ARGS];
    double *samples;
    long max_rss_kib;
};

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int run_once(struct command *c, double *elapsed) {
    double start = now_us();
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); exit(1); }
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        execv(c->argv[0], c->argv);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("wait4"); exit(1); }
    *elapsed = now_us() - start;
    if (usage.ru_maxrss > c->max_rss_kib) c->max_rss_kib = usage.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv) {
    int runs = 200, warmup = 10, i = 1;
    /* Exit statuses a command may legitimately return (a miss exits 2). */
    int allowed[8] = {0}, nallowed = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-w") == 0 && i + 1 < argc) warmup = atoi(argv[++i]);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc && nallowed < 8) allowed[nallowed++] = atoi(argv[++i]);
        else { fprintf(stderr, "runner: unknown option %s\n", argv[i]); return 2; }
    }
    struct command commands[MAX_COMMANDS];
    int count = 0;
    for (; i + 1 < argc && count < MAX_COMMANDS; i += 2) {
        struct command *c = &commands[count++];
        c->label = argv[i];
        c->max_rss_kib = 0;
        char *copy = strdup(argv[i + 1]);
        int n = 0;
        for (char *tok = strtok(copy, " "); tok && n < MAX_ARGS - 1; tok = strtok(NULL, " ")) c->argv[n++] = tok;
        c->argv[n] = NULL;
        c->samples = calloc(runs, sizeof(double));
    }
    if (count == 0 || runs < 1) { fprintf(stderr, "usage: runner [-n RUNS] [-w WARMUP] [-s STATUS] LABEL COMMAND...\n"); return 2; }
    int order[MAX_COMMANDS];
    unsigned long long seed = 0x9E3779B97F4A7C15ull; /* fixed: runs are repeatable */
    for (int round = -warmup; round < runs; round++) {
        for (int k = 0; k < count; k++) order[k] = k;
        for (int k = count - 1; k > 0; k--) { /* Fisher-Yates, xorshift64 */
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
            int j = (int)(seed % (unsigned long long)(k + 1));
            int swap = order[k]; order[k] = order[j]; order[j] = swap;
        }
        for (int step = 0; step < count; step++) {
            int k = order[step];
            double t;
            int status = run_once(&commands[k], &t);
            int ok = 0;
            for (int a = 0; a < nallowed; a++) ok |= status == allowed[a];
            if (!ok) {
                fprintf(stderr, "runner: '%s' exited with status %d\n", commands[k].label, status);
                return 1;
            }
            if (round >= 0) commands[k].samples[round] = t;
        }
    }
    double base = 0;
    for (int k = 0; k < count; k++) {
        struct command *c = &commands[k];
        qsort(c->samples, runs, sizeof(double), compare_doubles);
        double median = runs % 2 ? c->samples[runs / 2] : (c->samples[runs / 2 - 1] + c->samples[runs / 2]) / 2;
        if (k == 0) base = median;
        printf("%-10s %10.1f us %7.2fx %8ld KiB\n", c->label, median, median / base, c->max_rss_kib);
    }
    return 0;
}

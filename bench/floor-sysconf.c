/*
 * bench/floor-sysconf: the floor of the getconf benchmarks. A minimal static
 * C program that asks sysconf for the page size and exits: what it costs to
 * exec a static binary at all, which no getconf can go below.
 */
#include <unistd.h>

int main(void) {
    return sysconf(_SC_PAGESIZE) > 0 ? 0 : 1;
}

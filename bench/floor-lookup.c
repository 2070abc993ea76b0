/*
 * bench/floor-lookup: the physical limit of a lookup, for the getent
 * benchmarks. Maps FILE, searches it for KEY with memmem and writes the
 * line holding the first match (exit 0), or nothing (exit 2).
 *
 *   floor-lookup FILE KEY
 *   floor-lookup FILE      (writes the whole file: the floor of enumeration)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) return 64;
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 1;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size == 0) return 1;
    const char *data = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return 1;
    if (argc == 2) return write(1, data, st.st_size) == st.st_size ? 0 : 1;
    const char *hit = memmem(data, st.st_size, argv[2], strlen(argv[2]));
    if (!hit) return 2;
    const char *start = hit, *end = data + st.st_size;
    while (start > data && start[-1] != '\n') start--;
    const char *newline = memchr(hit, '\n', end - hit);
    if (newline) end = newline + 1;
    return write(1, start, end - start) == end - start ? 0 : 1;
}

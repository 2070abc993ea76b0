/*
 * bench/floor-lookup: the physical limit of a lookup, for the getent
 * benchmarks. Maps FILE, searches it for KEY with memmem and writes the
 * line holding the first match (exit 0), or nothing (exit 2).
 *
 *   floor-lookup FILE KEY
 *   floor-lookup -a FILE KEY  (every line holding KEY: the floor of a search
 *                              that must see the whole file, as initgroups)
 *   floor-lookup FILE      (writes the whole file: the floor of enumeration)
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int all = argc > 1 && strcmp(argv[1], "-a") == 0;
    if (all) { argv++; argc--; }
    if (argc < 2) return 64;
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 1;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size == 0) return 1;
    const char *data = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return 1;
    if (argc == 2) return write(1, data, st.st_size) == st.st_size ? 0 : 1;
    const char *from = data, *limit = data + st.st_size;
    size_t length = strlen(argv[2]);
    int found = 0;
    while (from < limit) {
        const char *hit = memmem(from, limit - from, argv[2], length);
        if (!hit) break;
        const char *start = hit, *end = limit;
        while (start > data && start[-1] != '\n') start--;
        const char *newline = memchr(hit, '\n', end - hit);
        if (newline) end = newline + 1;
        if (write(1, start, end - start) != end - start) return 1;
        found = 1;
        if (!all) break;
        from = end;
    }
    return found ? 0 : 2;
}

/*
 * bench/beyond-floor: the floor of a passwd lookup, as the account
 * databases' benchmarks define it: map the file, find "KEY:" at the start
 * of a line with memmem, print that line.
 *
 *   beyond-floor FILE KEY
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 3) return 64;
    int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 1;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size == 0) return 1;
    const char *data = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return 1;
    char key[256];
    size_t n = strlen(argv[2]);
    if (n + 1 >= sizeof key) return 1;
    memcpy(key, argv[2], n);
    key[n] = ':';
    const char *p = data, *end = data + st.st_size;
    while ((p = memmem(p, end - p, key, n + 1)) != NULL) {
        if (p == data || p[-1] == '\n') {
            const char *eol = memchr(p, '\n', end - p);
            size_t len = eol ? (size_t)(eol - p + 1) : (size_t)(end - p);
            return write(1, p, len) == (ssize_t)len ? 0 : 1;
        }
        p += 1;
    }
    return 2;
}

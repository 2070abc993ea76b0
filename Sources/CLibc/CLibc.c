#include "CLibc.h"
#if !defined(__GLIBC__)
#include <sys/random.h>
/* musl 1.2.3 has no arc4random_buf, which the Embedded Swift stdlib's hashing needs. */
void arc4random_buf(void *buffer, size_t size) {
    unsigned char *p = buffer;
    while (size > 0) {
        ssize_t n = getrandom(p, size, 0);
        if (n <= 0) { if (n < 0 && errno == EINTR) continue; abort(); }
        p += n; size -= (size_t)n;
    }
}
#endif

/* Buffer space for a tool's output, in .bss: no allocation at start-up, and
 * only the pages written are ever touched. */
unsigned char clibc_output_storage[CLIBC_OUTPUT_STORAGE_SIZE];

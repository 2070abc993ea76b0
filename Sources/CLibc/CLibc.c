#include "CLibc.h"

/* Room for a full 64 KiB stdout buffer plus a small one for stderr. */
static unsigned char output_area[64 * 1024 + 1024];

unsigned char *clibc_output_area(size_t *size) {
    *size = sizeof output_area;
    return output_area;
}

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


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

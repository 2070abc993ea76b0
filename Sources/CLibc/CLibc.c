#include "CLibc.h"

/* Room for a full 64 KiB stdout buffer plus a small one for stderr. */
static unsigned char output_area[64 * 1024 + 1024];

unsigned char *clibc_output_area(size_t *size) {
    *size = sizeof output_area;
    return output_area;
}

/* Scratch for one user at a time (no heap, nothing to unmap): the host-name
 * search's shift table and folded key for small files, or a netlink dump's
 * receive buffer. */
static unsigned char search_area[8192 + 256];
static int search_area_busy;

/* Takes the area (NULL if it is taken: the caller allocates instead). */
unsigned char *clibc_search_area_acquire(size_t *size) {
    if (__atomic_exchange_n(&search_area_busy, 1, __ATOMIC_ACQUIRE)) return NULL;
    *size = sizeof search_area;
    return search_area;
}

void clibc_search_area_release(void) {
    __atomic_store_n(&search_area_busy, 0, __ATOMIC_RELEASE);
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


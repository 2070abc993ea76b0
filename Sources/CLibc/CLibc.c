#include "CLibc.h"

/*
 * The SIGBUS guard for mapped files (see clibc_watch_mapping in CLibc.h).
 * Plain static storage: the handler may only touch async-signal-safe state.
 */
enum { WATCH_SLOTS = 16, WATCH_PATH_MAX = 1024 };
struct watched_mapping {
    const char *volatile base;
    size_t length;
    char path[WATCH_PATH_MAX];
};
static struct watched_mapping watched[WATCH_SLOTS];
static volatile sig_atomic_t watch_installed;

static size_t watch_length(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* Async-signal-safe: write(2) and _exit(2) only. */
_Noreturn void clibc_exit_file_changed(const char *path) {
    const char *program = program_invocation_short_name;
    static const char message[] = ": file changed while being read\n";
    (void)!write(2, program, watch_length(program));
    (void)!write(2, ": ", 2);
    (void)!write(2, path, watch_length(path));
    (void)!write(2, message, sizeof message - 1);
    _exit(1);
}

static void watch_on_sigbus(int signo, siginfo_t *info, void *context) {
    (void)context;
    const char *address = info ? (const char *)info->si_addr : NULL;
    for (int i = 0; i < WATCH_SLOTS; i++) {
        const char *base = watched[i].base;
        if (base && address >= base && address < base + watched[i].length)
            clibc_exit_file_changed(watched[i].path);
    }
    /* Not one of ours: die of SIGBUS as without the handler (the fault
       repeats when the handler returns). */
    signal(signo, SIG_DFL);
}

int clibc_watch_mapping(const void *base, size_t length, const char *path) {
    if (!watch_installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = watch_on_sigbus;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        if (sigaction(SIGBUS, &action, NULL) != 0) return -1;
        watch_installed = 1;
    }
    for (int i = 0; i < WATCH_SLOTS; i++) {
        if (watched[i].base == NULL) {
            size_t n = watch_length(path);
            if (n >= WATCH_PATH_MAX) n = WATCH_PATH_MAX - 1;
            memcpy(watched[i].path, path, n);
            watched[i].path[n] = 0;
            watched[i].length = length;
            watched[i].base = base;     /* last: the slot is live from here */
            return 0;
        }
    }
    return -1;
}

void clibc_unwatch_mapping(const void *base) {
    for (int i = 0; i < WATCH_SLOTS; i++) {
        if (watched[i].base == base) watched[i].base = NULL;
    }
}

int clibc_release_mapped_pages(const void *start, size_t length) {
    const char *from = start, *to = from + length;
    for (int i = 0; i < WATCH_SLOTS; i++) {
        const char *base = watched[i].base;
        if (base && from >= base && to <= base + watched[i].length) {
            uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
            uintptr_t first = ((uintptr_t)from + page - 1) & ~(page - 1);
            uintptr_t last = (uintptr_t)to & ~(page - 1);
            if (last <= first) return 0;
            return madvise((void *)first, last - first, MADV_DONTNEED) == 0;
        }
    }
    return 0;
}

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


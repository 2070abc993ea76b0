/*
 * CLibc: the project's single import of the C library.
 *
 * Swift code in LibcSupport imports this module and nothing else from C. It
 * compiles unchanged against glibc (development builds) and musl (release
 * builds): whatever Swift cannot import, or imports differently between the two
 * libcs, is wrapped here as an inline function or a plain constant.
 */
#ifndef LIBC_SUPPORT_CLIBC_H
#define LIBC_SUPPORT_CLIBC_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/auxv.h>
#include <sys/sysmacros.h>
#include <sched.h>

/* errno is a macro (a thread-local lvalue) on both libcs. */
static inline int clibc_errno(void) { return errno; }
static inline void clibc_set_errno(int value) { errno = value; }

/* open(2) is variadic; every file we open is close-on-exec. */
static inline int clibc_open(const char *path, int flags) {
    /* openat, not open: musl's open follows an O_CLOEXEC open with an extra
     * fcntl(F_SETFD) for kernels older than 2.6.23. */
    return openat(AT_FDCWD, path, flags | O_CLOEXEC);
}
static inline int clibc_openat(int dirfd, const char *path, int flags) {
    return openat(dirfd, path, flags | O_CLOEXEC);
}

/* Whether descriptor fd is open (fcntl is variadic: Swift cannot call it). */
static inline int clibc_is_open(int fd) { return fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

/* Which of descriptors 0, 1 and 2 may be closed (bit fd set), in one poll(2)
 * instead of three fcntl calls: poll marks a descriptor that is not open
 * POLLNVAL (an O_PATH one too, which is open: a false alarm the caller's
 * reopening must tolerate). -1 if poll fails. */
static inline int clibc_standard_descriptors_closed(void) {
    struct pollfd p[3] = { { .fd = 0 }, { .fd = 1 }, { .fd = 2 } };
    if (poll(p, 3, 0) < 0) return -1;
    return ((p[0].revents & POLLNVAL) ? 1 : 0) | ((p[1].revents & POLLNVAL) ? 2 : 0)
         | ((p[2].revents & POLLNVAL) ? 4 : 0);
}

/* SOCK_* are enum members on glibc and ints on musl; give Swift one type. */
static const int clibc_sock_stream = SOCK_STREAM;
static const int clibc_sock_dgram = SOCK_DGRAM;
static const int clibc_sock_raw = SOCK_RAW;
static const int clibc_sock_cloexec = SOCK_CLOEXEC;
static const int clibc_sock_nonblock = SOCK_NONBLOCK;

/* SIG_IGN / SIG_DFL are cast macros. */
static inline int clibc_signal_ignore(int signo) { return signal(signo, SIG_IGN) == SIG_ERR ? -1 : 0; }
static inline int clibc_signal_default(int signo) { return signal(signo, SIG_DFL) == SIG_ERR ? -1 : 0; }

/* mmap(2) reports failure with MAP_FAILED, which Swift cannot import. */
static inline void *clibc_map_readonly(int fd, size_t length) {
    void *p = mmap(NULL, length, PROT_READ, MAP_PRIVATE, fd, 0);
    return p == MAP_FAILED ? NULL : p;
}

/*
 * A file that shrinks while it is mapped raises SIGBUS when the scan reaches
 * the pages past its new end. Each mapping of a file is registered here; the
 * SIGBUS handler (CLibc.c) reports "PROGRAM: PATH: file changed while being
 * read" on stderr and ends the process with status 1 for a fault inside a
 * registered mapping, and lets any other SIGBUS kill the process as usual.
 * The handler is installed with the first registration. Returns 0, or -1 if
 * the handler cannot be installed or every slot is taken (the mapping still
 * works; only the report is lost).
 */
int clibc_watch_mapping(const void *base, size_t length, const char *path);
/* Forgets the mapping at base (before it is unmapped). */
void clibc_unwatch_mapping(const void *base);
/* The same report and exit for a file read into memory that turned out
 * shorter than fstat said: it was truncated during the lookup. */
_Noreturn void clibc_exit_file_changed(const char *path);
/*
 * Lets go of the whole pages in [start, start + length) if they lie in a
 * registered read-only file mapping (madvise MADV_DONTNEED: the process's
 * resident memory shrinks; reading them again faults them back in from the
 * page cache, unchanged). Does nothing for memory that is not such a
 * mapping, so it is safe to call on any bytes. Returns 1 if pages were
 * released, else 0.
 */
int clibc_release_mapped_pages(const void *start, size_t length);

/* S_IS* are macros over mode_t, whose constants import with different types. */
static inline int clibc_is_directory(mode_t mode) { return S_ISDIR(mode); }
static inline int clibc_is_regular_file(mode_t mode) { return S_ISREG(mode); }

/* The process's environment (environ is a plain global on both libcs). */
static inline char **clibc_environment(void) {
    extern char **environ;
    return environ;
}


/* AF_UNIX stream connections (varlink): sockaddr_un's sun_path is a fixed
 * char array, awkward from Swift. Returns -1 with errno ENAMETOOLONG for a
 * path that does not fit. */
static inline int clibc_connect_unix(int fd, const char *path) {
    struct sockaddr_un address;
    size_t length = strlen(path);
    if (length >= sizeof(address.sun_path)) { errno = ENAMETOOLONG; return -1; }
    memset(&address, 0, sizeof(address));
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, path, length + 1);
    return connect(fd, (const struct sockaddr *)&address,
                   (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length + 1));
}
static const int clibc_msg_nosignal = MSG_NOSIGNAL;
static const int clibc_msg_dontwait = MSG_DONTWAIT;


/* d_name of a directory entry (a fixed array in struct dirent). */
static inline const char *clibc_dirent_name(const struct dirent *entry) { return entry->d_name; }
static inline unsigned char clibc_dirent_type(const struct dirent *entry) { return entry->d_type; }


/* Route netlink (the local addresses, for the myhostname source). The
 * musl sysroot has no Linux uapi headers: these are the kernel ABI values. */
#include <net/if.h>
enum {
    clibc_netlink_route = 0,        /* NETLINK_ROUTE */
    clibc_rtm_newaddr = 20,
    clibc_rtm_getaddr = 22,
    clibc_nlmsg_error = 2,
    clibc_nlmsg_done = 3,
    clibc_ifa_address = 1,
    clibc_ifa_local = 2,
    clibc_ifa_flags = 8,
};
/* Sends an RTM_GETADDR dump request for every family; returns 0 or -1. */
static inline int clibc_netlink_request_addresses(int fd, uint32_t sequence) {
    struct {
        uint32_t length; uint16_t type, flags; uint32_t sequence, pid;   /* nlmsghdr */
        uint8_t family, prefix_length, address_flags, scope; uint32_t index; /* ifaddrmsg */
    } request;
    struct { sa_family_t family; unsigned short pad; uint32_t pid, groups; } kernel;
    memset(&request, 0, sizeof(request));
    memset(&kernel, 0, sizeof(kernel));
    request.length = sizeof(request);
    request.type = clibc_rtm_getaddr;
    request.flags = 0x1 | 0x300; /* NLM_F_REQUEST | NLM_F_DUMP */
    request.sequence = sequence;
    kernel.family = AF_NETLINK;
    return sendto(fd, &request, sizeof(request), 0, (const struct sockaddr *)&kernel, sizeof(kernel)) < 0 ? -1 : 0;
}


/* The local address the kernel would use to reach `gateway` (4 or 16 bytes
 * by family; `zone` is the interface of a link-local IPv6 gateway): a UDP
 * socket connected there, no packet sent. Writes the address to `local`
 * (16 bytes of room); returns 0 or -1. */
static inline int clibc_outbound_address(int family, const uint8_t *gateway, uint32_t zone, uint8_t *local) {
    int fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int result = -1;
    if (family == AF_INET) {
        struct sockaddr_in to, from;
        socklen_t length = sizeof(from);
        memset(&to, 0, sizeof(to));
        to.sin_family = AF_INET;
        to.sin_port = htons(53);
        memcpy(&to.sin_addr, gateway, 4);
        if (connect(fd, (struct sockaddr *)&to, sizeof(to)) == 0 &&
            getsockname(fd, (struct sockaddr *)&from, &length) == 0) {
            memcpy(local, &from.sin_addr, 4);
            result = 0;
        }
    } else {
        struct sockaddr_in6 to, from;
        socklen_t length = sizeof(from);
        memset(&to, 0, sizeof(to));
        to.sin6_family = AF_INET6;
        to.sin6_port = htons(53);
        to.sin6_scope_id = zone;
        memcpy(&to.sin6_addr, gateway, 16);
        if (connect(fd, (struct sockaddr *)&to, sizeof(to)) == 0 &&
            getsockname(fd, (struct sockaddr *)&from, &length) == 0) {
            memcpy(local, &from.sin6_addr, 16);
            result = 0;
        }
    }
    close(fd);
    return result;
}


/* openat2(2) with RESOLVE_IN_ROOT: opens `path` as if `dirfd` were "/",
 * symbolic links and ".." included. Not in musl: called by number (437 on
 * every architecture). Returns -1 with errno ENOSYS on older kernels. */
static inline int clibc_openat_in_root(int dirfd, const char *path, int flags) {
    struct { uint64_t flags, mode, resolve; } how;
    how.flags = (uint64_t)(flags | O_CLOEXEC);
    how.mode = 0;
    how.resolve = 0x10 | 0x02; /* RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS */
    return (int)syscall(437, dirfd, path, &how, sizeof(how));
}
static inline int clibc_is_symbolic_link(mode_t mode) { return S_ISLNK(mode); }
static const int clibc_o_path = O_PATH;
static const int clibc_o_nofollow = O_NOFOLLOW;
static const int clibc_o_directory = O_DIRECTORY;
/* --- Sockets by address bytes (hosts and DNS) --------------------------
 * Addresses cross this boundary as 4 or 16 network-order bytes plus an IPv6
 * scope, so Swift never builds sockaddr_in/sockaddr_in6 itself (their field
 * layouts and unions import differently under glibc and musl). */
#include <ifaddrs.h>
#include <net/if.h>

static inline socklen_t clibc_fill_sockaddr(struct sockaddr_storage *ss, const unsigned char *addr,
                                            int length, unsigned port, unsigned scope) {
    memset(ss, 0, sizeof *ss);
    if (length == 4) {
        struct sockaddr_in *sin = (struct sockaddr_in *)ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons((unsigned short)port);
        memcpy(&sin->sin_addr, addr, 4);
        return sizeof *sin;
    }
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons((unsigned short)port);
    memcpy(&sin6->sin6_addr, addr, 16);
    sin6->sin6_scope_id = scope;
    return sizeof *sin6;
}

/* Opens a close-on-exec (optionally non-blocking) socket of `type` connected
 * to addr:port. Returns the descriptor, or -1 with errno set. */
static inline int clibc_socket_connect(int type, const unsigned char *addr, int length,
                                       unsigned port, unsigned scope, int nonblocking) {
    struct sockaddr_storage ss;
    socklen_t len = clibc_fill_sockaddr(&ss, addr, length, port, scope);
    int fd = socket(ss.ss_family, type | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&ss, len) != 0 && errno != EINPROGRESS) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* Copies the address of `sa` into out (16 bytes) and its scope; returns 4 or
 * 16 (the address length), or 0 for another family or NULL. */
static inline int clibc_sockaddr_bytes(const struct sockaddr *sa, unsigned char *out, unsigned *scope) {
    if (sa == NULL) return 0;
    if (sa->sa_family == AF_INET) {
        memcpy(out, &((const struct sockaddr_in *)sa)->sin_addr, 4);
        *scope = 0;
        return 4;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)sa;
        memcpy(out, &sin6->sin6_addr, 16);
        *scope = sin6->sin6_scope_id;
        return 16;
    }
    return 0;
}

/* The local address a connected socket uses (getsockname); as above. */
static inline int clibc_socket_local_address(int fd, unsigned char *out, unsigned *scope) {
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0) return 0;
    return clibc_sockaddr_bytes((struct sockaddr *)&ss, out, scope);
}


/* Milliseconds of the monotonic clock (resolver deadlines). */
static inline long long clibc_monotonic_milliseconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* poll(2) on one descriptor for `events`; returns poll's result and the
 * returned events in *revents. */
static inline int clibc_poll_one(int fd, short events, int timeout_ms, short *revents) {
    struct pollfd p = { .fd = fd, .events = events, .revents = 0 };
    int r = poll(&p, 1, timeout_ms);
    *revents = p.revents;
    return r;
}
static const short clibc_pollin = POLLIN;
static const short clibc_pollout = POLLOUT;
static const short clibc_pollerr = POLLERR | POLLHUP | POLLNVAL;
/* ---- Kernel facts for getconf --------------------------------------------
 * The structures below differ in field types between glibc and musl (statfs
 * fields are signed on one and unsigned on the other, RLIMIT_* is an enum on
 * glibc), so Swift gets them through fixed-width wrappers. */

/* statfs(2), reduced to the fields pathconf answers come from. */
struct clibc_file_system {
    int64_t type;          /* f_type: the file system's magic number */
    int64_t block_size;    /* f_bsize: preferred transfer size */
    int64_t name_max;      /* f_namelen */
    int64_t fragment_size; /* f_frsize: allocation unit (0 on old kernels) */
};
static inline int clibc_statfs(const char *path, struct clibc_file_system *out) {
    struct statfs s;
    if (statfs(path, &s) != 0) return -1;
    out->type = (int64_t)(uint32_t)s.f_type; /* magics are 32-bit */
    out->block_size = (int64_t)s.f_bsize;
    out->name_max = (int64_t)s.f_namelen;
    out->fragment_size = (int64_t)s.f_frsize;
    return 0;
}

/* stat(2), reduced to what getconf needs: file type and device numbers. */
struct clibc_file_status {
    uint32_t is_regular;
    uint32_t is_block_device;
    uint32_t device_major;
    uint32_t device_minor;
};
static inline int clibc_stat(const char *path, struct clibc_file_status *out) {
    struct stat s;
    if (stat(path, &s) != 0) return -1;
    out->is_regular = S_ISREG(s.st_mode) ? 1 : 0;
    out->is_block_device = S_ISBLK(s.st_mode) ? 1 : 0;
    out->device_major = (uint32_t)major(s.st_dev);
    out->device_minor = (uint32_t)minor(s.st_dev);
    return 0;
}

/* getrlimit(2): the soft limit, UINT64_MAX for RLIM_INFINITY. */
static const int clibc_rlimit_stack = RLIMIT_STACK;
static const int clibc_rlimit_nofile = RLIMIT_NOFILE;
static const int clibc_rlimit_nproc = RLIMIT_NPROC;
static const int clibc_rlimit_sigpending = RLIMIT_SIGPENDING;
static inline int clibc_soft_limit(int resource, uint64_t *out) {
    struct rlimit r;
    if (getrlimit(resource, &r) != 0) return -1;
    *out = r.rlim_cur == RLIM_INFINITY ? UINT64_MAX : (uint64_t)r.rlim_cur;
    return 0;
}

/* sysinfo(2): memory sizes in units of `unit` bytes. */
static inline int clibc_memory(uint64_t *total, uint64_t *available, uint64_t *unit) {
    struct sysinfo s;
    if (sysinfo(&s) != 0) return -1;
    *total = (uint64_t)s.totalram;
    *available = (uint64_t)s.freeram;
    *unit = (uint64_t)s.mem_unit;
    return 0;
}

/* getauxval(3): what the kernel told this process at exec (0 if absent). */
#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif
static const unsigned long clibc_auxv_page_size = AT_PAGESZ;
static const unsigned long clibc_auxv_clock_ticks = AT_CLKTCK;
static const unsigned long clibc_auxv_minimum_signal_stack = AT_MINSIGSTKSZ;
static inline uint64_t clibc_auxiliary_value(unsigned long type) { return (uint64_t)getauxval(type); }

/* A staging area for a tool's standard output, in .bss: it costs nothing
 * until written and keeps the common paths free of malloc (whose first call
 * alone costs as much as a tenth of a static binary's start-up). One user
 * per process. Defined in CLibc.c. */
unsigned char *clibc_output_area(size_t *size);
unsigned char *clibc_search_area_acquire(size_t *size);
void clibc_search_area_release(void);

/* The release binaries' heap (Heap.c): malloc, free, realloc and the rest
 * are these in the musl builds. Declared here for the unit tests, which run
 * them beside the C library's own allocator. Not thread-safe. */
void *clibc_heap_allocate(size_t size);
void *clibc_heap_allocate_zeroed(size_t count, size_t size);
void *clibc_heap_allocate_aligned(size_t alignment, size_t size);
void *clibc_heap_resize(void *block, size_t size);
void clibc_heap_free(void *block);
size_t clibc_heap_usable_size(void *block);

/* getent's IDNA tables (IDNATables.c, generated by scripts/gen-idna-tables.py;
 * IDNATables.swift tells what each holds): read-only C arrays, which a static
 * PIE needs no relocation for, unlike Swift arrays. Each returns its table and
 * stores the number of elements in *count. */
const uint8_t *clibc_idna_mapping(size_t *count);
const uint32_t *clibc_idna_mapping_index(size_t *count);
const uint8_t *clibc_idna_pool(size_t *count);
const uint8_t *clibc_idna_properties(size_t *count);
const uint16_t *clibc_idna_property_words(size_t *count);
const uint32_t *clibc_idna_property_index(size_t *count);
const uint32_t *clibc_idna_composing_seconds(size_t *count);
const uint8_t *clibc_idna_compositions(size_t *count);

/* sched_getaffinity(2): how many CPUs this process may run on (-1 on error).
 * The set is sized for 32768 CPUs, like the kernel's largest configurations. */
static inline int clibc_affinity_count(void) {
    unsigned long mask[32768 / (8 * sizeof(unsigned long))];
    if (sched_getaffinity(0, sizeof mask, (cpu_set_t *)(void *)mask) != 0) return -1;
    return CPU_COUNT_S(sizeof mask, (cpu_set_t *)(void *)mask);
}

/* ---- CPUID (x86 only) ----
 * clibc_cpuid: the CPUID instruction for `leaf` and `subleaf`, its EAX, EBX,
 * ECX and EDX stored in registers[0..3]. Returns 1, or 0 with the registers
 * zeroed where the architecture has no CPUID (callers then use sysfs). A
 * leaf above the processor's maximum returns unspecified data: callers check
 * the maximum (leaf 0, leaf 0x80000000) first. */
#if defined(__x86_64__) || defined(__i386__)
static inline int clibc_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t registers[4]) {
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(leaf), "c"(subleaf));
    registers[0] = a;
    registers[1] = b;
    registers[2] = c;
    registers[3] = d;
    return 1;
}
#else
static inline int clibc_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t registers[4]) {
    (void)leaf;
    (void)subleaf;
    registers[0] = registers[1] = registers[2] = registers[3] = 0;
    return 0;
}
#endif

#endif

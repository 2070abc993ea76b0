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

/* S_IS* are macros over mode_t, whose constants import with different types. */
static inline int clibc_is_directory(mode_t mode) { return S_ISDIR(mode); }
static inline int clibc_is_regular_file(mode_t mode) { return S_ISREG(mode); }

/* The process's environment (environ is a plain global on both libcs). */
static inline char **clibc_environment(void) {
    extern char **environ;
    return environ;
}

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

/* sched_getaffinity(2): how many CPUs this process may run on (-1 on error).
 * The set is sized for 32768 CPUs, like the kernel's largest configurations. */
static inline int clibc_affinity_count(void) {
    unsigned long mask[32768 / (8 * sizeof(unsigned long))];
    if (sched_getaffinity(0, sizeof mask, (cpu_set_t *)(void *)mask) != 0) return -1;
    return CPU_COUNT_S(sizeof mask, (cpu_set_t *)(void *)mask);
}

#endif

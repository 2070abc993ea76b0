/*
 * fake-kernel: runs a command under ptrace and changes what a few system
 * calls answer, so that our getconf and glibc's can be compared on kernel
 * answers this machine does not give (other file system types, unlimited
 * resource limits, other memory sizes, another signal frame size).
 *
 *   fake-kernel [-t MAGIC] [-b BSIZE] [-n NAMELEN] [-f FRSIZE]
 *               [-r RESOURCE:CUR:MAX]... [-s TOTAL:FREE:UNIT]
 *               [-x AUXTYPE=VALUE]... COMMAND ARGS...
 *
 * -t -b -n -f  rewrite f_type, f_bsize, f_namelen, f_frsize of statfs/fstatfs
 * -r           rewrite the limits getrlimit/prlimit64 report for RESOURCE
 *              (-1 is RLIM_INFINITY)
 * -s           rewrite totalram, freeram and mem_unit of sysinfo
 * -x           rewrite an auxiliary vector entry at exec (AT_CLKTCK is 17,
 *              AT_MINSIGSTKSZ 51)
 *
 * x86-64 only (register and structure layouts). Exits with the command's
 * status.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

static long statfs_values[4];
static int statfs_set[4];
static const int statfs_offsets[4] = {0, 8, 64, 72}; /* f_type f_bsize f_namelen f_frsize */
static long limit_resource[16], limit_cur[16], limit_max[16];
static int limits;
static int memory_set;
static unsigned long memory_total, memory_free, memory_unit;
static long aux_type[16], aux_value[16];
static int auxes;

static void poke(pid_t pid, unsigned long address, long value) {
    ptrace(PTRACE_POKEDATA, pid, address, value);
}

static void rewrite_auxv(pid_t pid) {
    struct user_regs_struct r;
    ptrace(PTRACE_GETREGS, pid, 0, &r);
    unsigned long p = r.rsp;
    long argc = ptrace(PTRACE_PEEKDATA, pid, p, 0);
    p += 8 * (argc + 2);                                    /* argv and its NULL */
    while (ptrace(PTRACE_PEEKDATA, pid, p, 0) != 0) p += 8; /* environment */
    for (p += 8;; p += 16) {
        long type = ptrace(PTRACE_PEEKDATA, pid, p, 0);
        if (type == 0) break;
        for (int i = 0; i < auxes; i++)
            if (aux_type[i] == type) poke(pid, p + 8, aux_value[i]);
    }
}

int main(int argc, char **argv) {
    int option;
    while ((option = getopt(argc, argv, "+t:b:n:f:r:s:x:")) != -1) {
        int field = -1;
        switch (option) {
        case 't': field = 0; break;
        case 'b': field = 1; break;
        case 'n': field = 2; break;
        case 'f': field = 3; break;
        case 'r':
            if (limits < 16 && sscanf(optarg, "%li:%li:%li", &limit_resource[limits], &limit_cur[limits], &limit_max[limits]) == 3) limits++;
            break;
        case 's':
            memory_set = sscanf(optarg, "%lu:%lu:%lu", &memory_total, &memory_free, &memory_unit) == 3;
            break;
        case 'x':
            if (auxes < 16 && sscanf(optarg, "%li=%li", &aux_type[auxes], &aux_value[auxes]) == 2) auxes++;
            break;
        default:
            return 125;
        }
        if (field >= 0) { statfs_values[field] = strtol(optarg, 0, 0); statfs_set[field] = 1; }
    }
    if (optind >= argc) return 125;
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) {
        ptrace(PTRACE_TRACEME, 0, 0, 0);
        raise(SIGSTOP);
        execvp(argv[optind], argv + optind);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
    int in_syscall = 0;
    for (;;) {
        ptrace(PTRACE_SYSCALL, pid, 0, 0);
        if (waitpid(pid, &status, 0) < 0) return 125;
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
        if (status >> 8 == (SIGTRAP | (PTRACE_EVENT_EXEC << 8))) { rewrite_auxv(pid); continue; }
        if (!WIFSTOPPED(status) || WSTOPSIG(status) != (SIGTRAP | 0x80)) continue;
        in_syscall = !in_syscall;
        if (in_syscall) continue;
        struct user_regs_struct r;
        ptrace(PTRACE_GETREGS, pid, 0, &r);
        if ((long)r.rax != 0) continue;
        switch (r.orig_rax) {
        case SYS_statfs:
        case SYS_fstatfs:
            for (int i = 0; i < 4; i++)
                if (statfs_set[i]) poke(pid, r.rsi + statfs_offsets[i], statfs_values[i]);
            break;
        case SYS_prlimit64:
            if (r.r10)
                for (int i = 0; i < limits; i++)
                    if (limit_resource[i] == (long)r.rsi) { poke(pid, r.r10, limit_cur[i]); poke(pid, r.r10 + 8, limit_max[i]); }
            break;
        case SYS_getrlimit:
            for (int i = 0; i < limits; i++)
                if (limit_resource[i] == (long)r.rdi) { poke(pid, r.rsi, limit_cur[i]); poke(pid, r.rsi + 8, limit_max[i]); }
            break;
        case SYS_sysinfo:
            if (memory_set) {
                poke(pid, r.rdi + 32, memory_total);
                poke(pid, r.rdi + 40, memory_free);
                long word = ptrace(PTRACE_PEEKDATA, pid, r.rdi + 104, 0);
                poke(pid, r.rdi + 104, (word & ~0xffffffffL) | (long)(memory_unit & 0xffffffff));
            }
            break;
        }
    }
}

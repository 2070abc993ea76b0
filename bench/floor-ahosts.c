/*
 * bench/floor-ahosts: the floor of `getent ahosts NAME` on a small hosts
 * file: exactly the requests the answer needs and glibc's getent also makes
 * (the standard descriptors checked, nsswitch.conf read, the netlink
 * address dump that AI_ADDRCONFIG needs, /etc/hosts, /etc/host.conf and
 * /etc/gai.conf read), the key found with memmem and three lines written per
 * line found, with no parsing or sorting. What our getent does beyond this
 * is its own cost.
 *
 *   floor-ahosts NAME
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* The netlink definitions it needs (musl-gcc has no kernel headers). */
struct nlmsghdr { uint32_t nlmsg_len; uint16_t nlmsg_type, nlmsg_flags; uint32_t nlmsg_seq, nlmsg_pid; };
struct ifaddrmsg { uint8_t ifa_family, ifa_prefixlen, ifa_flags, ifa_scope; uint32_t ifa_index; };
enum { NETLINK_ROUTE = 0, RTM_GETADDR = 22, NLM_F_REQUEST = 1, NLM_F_DUMP = 0x300,
       NLMSG_ERROR = 2, NLMSG_DONE = 3 };

static char files[4][8192];

static ssize_t slurp(const char *path, char *buffer) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size > 8192) return -1;
    return read(fd, buffer, st.st_size);
}

int main(int argc, char **argv) {
    if (argc < 2) return 64;
    struct pollfd standard[3] = { { .fd = 0 }, { .fd = 1 }, { .fd = 2 } };
    poll(standard, 3, 0);
    if (slurp("/etc/nsswitch.conf", files[0]) < 0) return 1;

    int nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (nl < 0) return 1;
    struct { struct nlmsghdr header; struct ifaddrmsg message; } request = {
        .header = { .nlmsg_len = sizeof request, .nlmsg_type = RTM_GETADDR,
                    .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
    };
    if (send(nl, &request, sizeof request, 0) < 0) return 1;
    static char reply[8192];
    for (int done = 0; !done;) {
        ssize_t n = recv(nl, reply, sizeof reply, 0);
        if (n <= 0) return 1;
        for (ssize_t at = 0; at + (ssize_t)sizeof(struct nlmsghdr) <= n;) {
            struct nlmsghdr *h = (struct nlmsghdr *)(reply + at);
            if (h->nlmsg_len < sizeof *h) break;
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) done = 1;
            at += (h->nlmsg_len + 3) & ~3u;
        }
    }
    close(nl);

    ssize_t size = slurp("/etc/hosts", files[1]);
    if (slurp("/etc/host.conf", files[2]) < 0 || slurp("/etc/gai.conf", files[3]) < 0 || size < 0) return 1;
    const char *data = files[1], *limit = data + size, *from = data;
    size_t length = strlen(argv[1]);
    static char out[4096];
    size_t used = 0;
    while (from < limit) {
        const char *hit = memmem(from, limit - from, argv[1], length);
        if (!hit) break;
        const char *start = hit;
        while (start > data && start[-1] != '\n') start--;
        const char *end = memchr(hit, '\n', limit - hit);
        end = end ? end + 1 : limit;
        for (int i = 0; i < 3 && used + (end - start) < sizeof out; i++) {
            memcpy(out + used, start, end - start);
            used += end - start;
        }
        from = end;
    }
    if (used == 0) return 2;
    return write(1, out, used) == (ssize_t)used ? 0 : 1;
}

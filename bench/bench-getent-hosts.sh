#!/usr/bin/env bash
# getent's host databases against glibc's getent and the floor program
# (bench/floor-lookup.c: map the file, memmem the key).
#
# A generated 200,000-line ad-blocking hosts file is bind-mounted over
# /etc/hosts in a private mount namespace (with a switch that reads files
# only), so glibc's getent reads it too; the runner runs inside.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FLOOR=$(build_c floor-lookup)
# The floor of ahosts: the requests its answer needs, nothing parsed.
AHOSTS_FLOOR=$(build_c floor-ahosts)
OURS=$ROOT_DIR/build/getent
GLIBC=/usr/bin/getent

if [ "${1:-}" != --inside ]; then
    binary_size getent
    if ! unshare -m --propagation private true 2>/dev/null; then
        echo "bench: private mount namespaces not allowed here; skipping the hosts benchmarks" >&2
        exit 0
    fi
    work=$BENCH_OUT/hosts
    mkdir -p "$work"
    # 200,000 blocked names, then the last one, the name the lookup asks for.
    awk 'BEGIN { print "127.0.0.1 localhost"; print "::1 localhost ip6-localhost ip6-loopback";
                 for (i = 0; i < 199997; i++) printf "0.0.0.0 ads%d.tracker-%d.example.com\n", i, i % 97;
                 print "10.20.30.40 lastname.example.org lastalias" }' > "$work/hosts"
    printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' > "$work/hosts.small"
    printf 'hosts: files\n' > "$work/nsswitch.conf"
    printf 'multi on\n' > "$work/host.conf"
    exec unshare -m --propagation private bash -c '
        mount --bind "$1/nsswitch.conf" /etc/nsswitch.conf
        mount --bind "$1/host.conf" /etc/host.conf
        mkdir -p "$1/small" && cp "$1/hosts.small" "$1/small/hosts"
        exec bash "$0" --inside "$1"' "${BASH_SOURCE[0]}" "$work"
fi

work=$2
# The small file first (the machine-like /etc/hosts), then the big one.
mount --bind "$work/small/hosts" /etc/hosts
compare "ahosts localhost (small hosts)" "$FLOOR /etc/hosts localhost" "$GLIBC ahosts localhost" "$OURS ahosts localhost"
# The same against bench/floor-ahosts.c (the netlink dump, nsswitch.conf,
# hosts, host.conf and gai.conf read, no parsing): what ahosts costs beyond
# the requests it has to make.
compare "ahosts localhost vs floor-ahosts" "$AHOSTS_FLOOR localhost" "$GLIBC ahosts localhost" "$OURS ahosts localhost"
compare "hosts localhost (small hosts)" "$FLOOR /etc/hosts localhost" "$GLIBC hosts localhost" "$OURS hosts localhost"
umount /etc/hosts
mount --bind "$work/hosts" /etc/hosts
compare "hosts LASTNAME (200,000 lines)" "$FLOOR /etc/hosts lastname.example.org" "$GLIBC hosts lastname.example.org" "$OURS hosts lastname.example.org"
compare "hosts miss (200,000 lines)" "$FLOOR /etc/hosts nosuchname.example" "$GLIBC hosts nosuchname.example" "$OURS hosts nosuchname.example" -s 2 -s 1
compare "ahosts LASTNAME (200,000 lines)" "$FLOOR /etc/hosts lastname.example.org" "$GLIBC ahosts lastname.example.org" "$OURS ahosts lastname.example.org"

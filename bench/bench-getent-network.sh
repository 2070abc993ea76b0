#!/usr/bin/env bash
# getent's network databases (services, protocols, rpc, networks, ethers,
# netgroup, aliases) against glibc's getent and the floor program
# (bench/floor-lookup.c: map the file, memmem the key, write the line).
#
# The machine's own files first; then generated 10,000-entry files
# bind-mounted over /etc in a private mount namespace, so that glibc's
# getent reads them too.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FLOOR=$(build_c floor-lookup)
OURS=$ROOT_DIR/build/getent
GLIBC=/usr/bin/getent

if [ "${1:-}" != --inside ]; then
    # The issue's goal: at most 1.15x the floor.
    compare "services http (machine's services)" "$FLOOR /etc/services http" "$GLIBC services http" "$OURS services http"
    compare "services 443/udp (machine's services)" "$FLOOR /etc/services 443/udp" "$GLIBC services 443/udp" "$OURS services 443/udp"
    compare "services enumeration (machine's services)" "$FLOOR /etc/services" "$GLIBC services" "$OURS services"
    compare "protocols tcp (machine's protocols)" "$FLOOR /etc/protocols tcp" "$GLIBC protocols tcp" "$OURS protocols tcp"
    compare "rpc nfs (machine's rpc)" "$FLOOR /etc/rpc nfs" "$GLIBC rpc nfs" "$OURS rpc nfs"
    if ! unshare -m --propagation private true 2>/dev/null; then
        echo "bench: private mount namespaces not allowed here; skipping the generated files" >&2
        exit 0
    fi
    work=$BENCH_OUT/network
    mkdir -p "$work"
    awk 'BEGIN { for (i = 0; i < 10000; i++)
                     printf "%d:%d:%d:%d:%d:%d\thost%d\n", 2, i % 7, int(i / 65536) % 256, int(i / 256) % 256, i % 256, 1, i }' > "$work/ethers"
    awk 'BEGIN { for (i = 0; i < 10000; i++)
                     printf "svc%d\t\t%d/tcp\t\talias%d\t# service %d\n", i, 1024 + i, i, i }' > "$work/services"
    awk 'BEGIN { for (i = 0; i < 10000; i++)
                     printf "group%d\t(host%d,user%d,example.org) (host%d,,) group%d\n", i, i, i, i + 1, i + 1 }' > "$work/netgroup"
    awk 'BEGIN { for (i = 0; i < 10000; i++)
                     printf "list%d:\tuser%d, user%d@example.org,\n\tuser%d\n", i, i, i + 1, i + 2 }' > "$work/aliases"
    printf 'services: files\nethers: files\nnetgroup: files\naliases: files\n' > "$work/nsswitch.conf"
    # Some of these files need not exist on the machine: bind a copy of /etc.
    rm -rf "$work/etc"
    cp -a /etc "$work/etc"
    cp "$work/services" "$work/ethers" "$work/netgroup" "$work/aliases" "$work/nsswitch.conf" "$work/etc/"
    exec unshare -m --propagation private bash -c '
        mount --bind "$1/etc" /etc
        exec bash "$0" --inside' "${BASH_SOURCE[0]}" "$work"
fi

# Inside the namespace: the generated files are in /etc.
compare "services last name (10,000 lines)" "$FLOOR /etc/services svc9999" "$GLIBC services svc9999" "$OURS services svc9999"
compare "services miss (10,000 lines)" "$FLOOR /etc/services nosuchsvc" "$GLIBC services nosuchsvc" "$OURS services nosuchsvc" -s 2
compare "ethers last host (10,000 lines)" "$FLOOR /etc/ethers host9999" "$GLIBC ethers host9999" "$OURS ethers host9999"
compare "ethers by address (10,000 lines)" "$FLOOR /etc/ethers 2:3:0:39:15:1" "$GLIBC ethers 2:3:0:39:15:1" "$OURS ethers 2:3:0:39:15:1"
compare "netgroup, 2 groups deep (10,000 lines)" "$FLOOR /etc/netgroup group9998" "$GLIBC netgroup group9998" "$OURS netgroup group9998"
compare "aliases last entry (10,000 entries)" "$FLOOR /etc/aliases list9999:" "$GLIBC aliases list9999" "$OURS aliases list9999"

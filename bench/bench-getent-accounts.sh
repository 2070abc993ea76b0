#!/usr/bin/env bash
# getent's account databases against glibc's getent and a floor program
# (bench/floor-lookup.c: map the file, memmem the key).
#
# The large files are generated and bind-mounted over /etc/passwd and
# /etc/group in a private mount namespace, so glibc's getent reads them
# too; the runner runs inside that namespace.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FLOOR=$(build_c floor-lookup)
OURS=$ROOT_DIR/build/getent
GLIBC=/usr/bin/getent

if [ "${1:-}" != --inside ]; then
    binary_size getent
    # On the machine's own small files.
    compare "getent passwd root (machine's passwd)" "$FLOOR /etc/passwd root:" "$GLIBC passwd root" "$OURS passwd root"
    if ! unshare -m --propagation private true 2>/dev/null; then
        echo "bench: private mount namespaces not allowed here; skipping the 100,000-line files" >&2
        exit 0
    fi
    work=$BENCH_OUT/accounts
    mkdir -p "$work"
    # 100,000 users; 20,000 groups, one of them with 2,000 members, the
    # last user in ten of them; a switch that reads files only.
    awk 'BEGIN { print "root:x:0:0:root:/root:/bin/sh";
                 for (i = 1; i < 100000; i++)
                     printf "user%d:x:%d:%d:User %d,,,:/home/user%d:/bin/bash\n", i, 100000 + i, 100000 + i, i, i }' > "$work/passwd"
    awk 'BEGIN { print "root:x:0:";
                 for (i = 1; i < 20000; i++) {
                     printf "group%d:x:%d:", i, 100000 + i
                     if (i == 19000) { for (m = 0; m < 2000; m++) printf "%suser%d", (m ? "," : ""), m * 37 + 1 }
                     else printf "user%d,user%d%s", i, i + 1, (i % 2000 == 0 ? ",user99999" : "")
                     printf "\n" } }' > "$work/group"
    printf 'passwd: files\ngroup: files\nshadow: files\ngshadow: files\n' > "$work/nsswitch.conf"
    exec unshare -m --propagation private bash -c '
        for f in passwd group nsswitch.conf; do mount --bind "$1/$f" "/etc/$f"; done
        exec bash "$0" --inside' "${BASH_SOURCE[0]}" "$work"
fi

# Inside the namespace: /etc/passwd and /etc/group are the generated files.
compare "passwd last user by name (100,000 lines)" "$FLOOR /etc/passwd user99999:" "$GLIBC passwd user99999" "$OURS passwd user99999"
compare "passwd last user by uid (100,000 lines)" "$FLOOR /etc/passwd :199999:" "$GLIBC passwd 199999" "$OURS passwd 199999"
compare "passwd miss (100,000 lines)" "$FLOOR /etc/passwd nosuchuser:" "$GLIBC passwd nosuchuser" "$OURS passwd nosuchuser" -s 2
compare "passwd enumeration (100,000 lines)" "$FLOOR /etc/passwd" "$GLIBC passwd" "$OURS passwd"
compare "group NAME, 2,000 members (20,000 lines)" "$FLOOR /etc/group group19000:" "$GLIBC group group19000" "$OURS group group19000"
compare "initgroups USER (20,000 lines)" "$FLOOR -a /etc/group user99999" "$GLIBC initgroups user99999" "$OURS initgroups user99999"

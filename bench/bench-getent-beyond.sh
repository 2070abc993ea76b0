#!/usr/bin/env bash
# getent beyond glibc: the systemd source must not slow the common path
# (`passwd: files systemd`, user in the files: no socket touched), lookups
# answered by systemd-userdbd, and --root.
#
# Runs inside a private mount namespace (re-executing itself under unshare)
# with a private /run/systemd where systemd-userdbd serves one drop-in
# record; the daemon is stopped by its pid at the end.
set -euo pipefail
BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "$0")" && pwd)}
source "$BENCH_DIR/lib.sh"
GETENT=$ROOT_DIR/build/getent
FLOOR=$(build_c beyond-floor)
DAEMON=/lib/systemd/systemd-userdbd

if [ "${BEYOND_IN_NAMESPACE:-}" != 1 ]; then
    if [ "$(id -u)" != 0 ] || [ ! -x "$DAEMON" ] || ! unshare -m true 2>/dev/null; then
        echo "bench-getent-beyond: skipped (needs root, unshare and $DAEMON)"
        exit 0
    fi
    exec unshare -m --propagation private env BEYOND_IN_NAMESPACE=1 BENCH_DIR="$BENCH_DIR" bash "$0"
fi

work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    umount -l /etc 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# /etc as it is, plus a drop-in record and `files systemd` for the accounts.
mkdir -p "$work/upper/userdb" "$work/work"
printf '%s\n' '{"userName":"benchu","uid":61777,"realName":"Bench"}' > "$work/upper/userdb/benchu.user"
ln -s benchu.user "$work/upper/userdb/61777.user"
sed -e 's/^passwd:.*/passwd: files systemd/' -e 's/^group:.*/group: files systemd/' /etc/nsswitch.conf > "$work/upper/nsswitch.conf"
grep -q '^passwd:' "$work/upper/nsswitch.conf" || echo 'passwd: files systemd' >> "$work/upper/nsswitch.conf"
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$work/upper,workdir=$work/work" /etc
mount -t tmpfs tmpfs /run/systemd
mkdir -p /run/systemd/userdb
"$DAEMON" </dev/null >/dev/null 2>&1 & pid=$!
for _ in $(seq 100); do [ -S /run/systemd/userdb/io.systemd.Multiplexer ] && break; sleep 0.05; done

# A root for --root: a copy of the accounts files.
mkdir -p "$work/root/etc"
cp /etc/passwd /etc/group "$work/root/etc/"
printf 'passwd: files\ngroup: files\n' > "$work/root/etc/nsswitch.conf"

compare "passwd root (files systemd, in files)" "$FLOOR /etc/passwd root" "/usr/bin/getent passwd root" "$GETENT passwd root"
compare "passwd benchu (systemd-userdbd)" "$FLOOR /etc/passwd root" "/usr/bin/getent passwd benchu" "$GETENT passwd benchu"
compare "passwd 61777 (systemd-userdbd)" "$FLOOR /etc/passwd root" "/usr/bin/getent passwd 61777" "$GETENT passwd 61777"
compare "--root DIR passwd root (glibc: /etc)" "$FLOOR $work/root/etc/passwd root" "/usr/bin/getent passwd root" "$GETENT --root $work/root passwd root"
# The same lookup with the systemd source configured or not: the ratio to
# "floor" here is to our own files-only run (1.00x: systemd costs nothing).
compare "passwd root: files systemd / files only" "$GETENT -s passwd:files passwd root" "/usr/bin/getent passwd root" "$GETENT passwd root"
# The myhostname source (netlink, no file): ratio to our own files lookup.
HOST=$(uname -n)
compare "ahosts \$HOSTNAME (myhostname) / hosts files" "$GETENT -s hosts:files hosts localhost" "/usr/bin/getent -s hosts:myhostname ahosts $HOST" "$GETENT -s hosts:myhostname ahosts $HOST"
compare "hosts _gateway (myhostname) / hosts files" "$GETENT -s hosts:files hosts localhost" "/usr/bin/getent -s hosts:myhostname hosts _gateway" "$GETENT -s hosts:myhostname hosts _gateway"

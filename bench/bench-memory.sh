# Peak resident memory of a lookup, as a ratio to glibc's getent on the same
# file: the last user of a generated 100,000-line passwd (by name, by uid,
# and a miss) and the last name of a generated 200,000-line hosts. The same
# lookups on a 1,000-line file show how memory grows with the file: mapped
# file pages count as resident, but the scan lets go of them every 1 MB
# (MappedFile.scanWindow), so a lookup in a file of any size stays within
# about that much more. The floor (map and memmem, bench/floor-lookup.c)
# keeps every page it read: the cost of mapping without letting go.
source "$BENCH_DIR/lib.sh"
FLOOR=$(build_c floor-lookup)

MEMORY_RUNS=${MEMORY_RUNS:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/libc-support-bench-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT

printf 'passwd: files\ngroup: files\nhosts: files\n' > "$work/nsswitch.conf"
make_passwd() {
    awk -v n="$1" 'BEGIN { print "root:x:0:0:root:/root:/bin/bash";
        for (i = 1; i < n; i++) printf "user%d:x:%d:%d:User %d,,,:/home/user%d:/bin/bash\n", i, 10000 + i, 10000 + i, i, i }' > "$2"
}
make_hosts() {
    awk -v n="$1" 'BEGIN { print "127.0.0.1 localhost";
        for (i = 1; i < n; i++) printf "0.0.0.0 ads%d.tracker%d.example.com\n", i, i % 977 }' > "$2"
}
make_passwd 100000 "$work/passwd-100k"
make_passwd 1000 "$work/passwd-1k"
make_hosts 200000 "$work/hosts-200k"
make_hosts 1000 "$work/hosts-1k"

# memory TITLE FILE TARGET FLOORKEY ARGS...: peak RSS of ours and glibc's
# getent with FILE bind-mounted over TARGET (in a private mount namespace),
# and of the floor searching FILE for FLOORKEY.
memory() {
    local title=$1 file=$2 target=$3 floorkey=$4
    shift 4
    local out
    out=$(unshare -m --propagation private sh -c '
        mount --bind "$1" /etc/nsswitch.conf && mount --bind "$2" "$3" || exit 125
        shift 3
        exec "$@"' sh "$work/nsswitch.conf" "$file" "$target" \
        "$RUNNER" -n "$MEMORY_RUNS" -w 2 -s 2 floor "$FLOOR $file $floorkey" \
        glibc "/usr/bin/getent $*" ours "$ROOT_DIR/build/getent $*") || {
        echo "bench: $title: a command failed" >&2
        return 1
    }
    echo "$out" | awk -v title="$title" '
        $1 == "floor" { f = $5 } $1 == "glibc" { g = $5 } $1 == "ours" { o = $5 }
        END { printf "%-44s rss ours %6d KiB  %5.2fx glibc (%d KiB)  floor %d KiB\n", title, o, o / g, g, f }'
}

memory "peak rss: passwd last user, 100,000 lines" "$work/passwd-100k" /etc/passwd user99999: passwd user99999
memory "peak rss: passwd last uid, 100,000 lines" "$work/passwd-100k" /etc/passwd :109999: passwd 109999
memory "peak rss: passwd miss, 100,000 lines" "$work/passwd-100k" /etc/passwd nobody-at-all: passwd nobody-at-all
memory "peak rss: passwd last user, 1,000 lines" "$work/passwd-1k" /etc/passwd user999: passwd user999
memory "peak rss: hosts last name, 200,000 lines" "$work/hosts-200k" /etc/hosts ads199999.tracker691.example.com \
    hosts ads199999.tracker691.example.com
memory "peak rss: hosts miss, 200,000 lines" "$work/hosts-200k" /etc/hosts absent.example hosts absent.example
memory "peak rss: hosts last name, 1,000 lines" "$work/hosts-1k" /etc/hosts ads999.tracker22.example.com \
    hosts ads999.tracker22.example.com
printf '%-44s passwd %d KiB, hosts %d KiB (what a last-entry lookup reads)\n' "file sizes (100,000 / 200,000 lines)" \
    $(( $(stat -c %s "$work/passwd-100k") / 1024 )) $(( $(stat -c %s "$work/hosts-200k") / 1024 ))

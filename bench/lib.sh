# Shared helpers for the bench-*.sh scripts (sourced by bench/run).
#
# compare TITLE FLOOR_CMD GLIBC_CMD OURS_CMD [runner options]
#   Runs the three commands interleaved (bench/runner) and prints one line:
#   the median of ours as a ratio to the floor and to glibc, and peak memory.
# The commands are split on spaces (no shell), stdout goes to /dev/null.

BENCH_DIR=${BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
BENCH_OUT=${BENCH_OUT:-$ROOT_DIR/build/bench}
BENCH_RUNS=${BENCH_RUNS:-300}
mkdir -p "$BENCH_OUT"

# Compiles bench/NAME.c (a helper or a floor program) statically with musl
# when possible, so the floor pays what our static binaries pay for exec.
build_c() {
    local name=$1
    local src="$BENCH_DIR/$name.c" out="$BENCH_OUT/$name"
    if [ ! -x "$out" ] || [ "$src" -nt "$out" ]; then
        if command -v musl-gcc >/dev/null; then
            musl-gcc -O2 -static -o "$out" "$src"
        else
            gcc -O2 -static -o "$out" "$src"
        fi
    fi
    echo "$out"
}

RUNNER=$(build_c runner)

compare() {
    local title=$1 floor=$2 glibc=$3 ours=$4
    shift 4
    local out
    if ! out=$("$RUNNER" -n "$BENCH_RUNS" "$@" floor "$floor" glibc "$glibc" ours "$ours"); then
        echo "bench: $title: a command failed" >&2
        return 1
    fi
    echo "$out" | awk -v title="$title" '
        $1 == "floor" { f = $2; frss = $5 }
        $1 == "glibc" { g = $2; grss = $5 }
        $1 == "ours"  { o = $2; orss = $5 }
        END { printf "%-44s ours %8.1f us  %5.2fx floor  %5.2fx glibc  rss %6d KiB (%.2fx glibc)\n",
                     title, o, o / f, o / g, orss, (grss > 0 ? orss / grss : 0) }'
}

# Prints the size of a stripped binary.
binary_size() {
    printf "%-44s %d bytes stripped\n" "size of build/$1" "$(stat -c %s "$ROOT_DIR/build/$1")"
}

#!/usr/bin/env bash
# getconf: our static binary against glibc's /usr/bin/getconf and against the
# floor (a static C program that only calls sysconf), interleaved in one run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FLOOR=$(build_c floor-sysconf)
OURS=$ROOT_DIR/build/getconf
GLIBC=/usr/bin/getconf

compare "getconf PAGESIZE" "$FLOOR" "$GLIBC PAGESIZE" "$OURS PAGESIZE"
compare "getconf _NPROCESSORS_ONLN" "$FLOOR" "$GLIBC _NPROCESSORS_ONLN" "$OURS _NPROCESSORS_ONLN"
compare "getconf -a" "$FLOOR" "$GLIBC -a" "$OURS -a"
binary_size getconf

#!/usr/bin/env bash
# End to end: the whole `shardledger commit` process against `openssl dgst -sha256` on the same file, page cache
# warm, median of N runs each. Usage: bench/e2e/commit-vs-openssl.sh [SIZE_GIB=4] [RUNS=5] [FILE]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size_gib=${1:-4}
runs=${2:-5}
file=${3:-${TMPDIR:-/tmp}/shardledger-commit-bench-${size_gib}g.bin}
. "$root/bench/e2e/lib.sh"
prepare_input "$file" "$size_gib"

time_runs() {
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > /dev/null 2>&1
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
  done
}
ossl=$(time_runs openssl dgst -sha256 "$file" | median)
sl=$(time_runs "$root/bin/shardledger" commit "$file" | median)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -r)"
echo "file: $file ($size_gib GiB, page cache warm), median of $runs runs"
printf 'openssl dgst -sha256      %6.2f s  (%.0f MiB/s)\n' "$ossl" "$(echo "$size_gib * 1024 / $ossl" | bc -l)"
printf 'shardledger commit        %6.2f s  (%.0f MiB/s)\n' "$sl" "$(echo "$size_gib * 1024 / $sl" | bc -l)"
printf 'speed-up over openssl     %6.2fx\n' "$(echo "$ossl / $sl" | bc -l)"

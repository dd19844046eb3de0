#!/usr/bin/env bash
# End to end: the whole `shardledger encode` process (encrypt, Reed-Solomon 4 + 2, commit and write six shard
# files and the manifest) on one file, page cache warm, against two baselines on the same file in the same run:
# `cp` (read and write the bytes once) and `openssl enc -aes-256-ctr` (encrypt and write them once). Wall time and
# peak RSS from /usr/bin/time, median of N runs; CPU seconds (user + sys) too, since on a shared machine the wall
# time depends on who else is running (the load average is printed). Usage: bench/e2e/encode-vs-baseline.sh [SIZE_GIB=1] [RUNS=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
size_gib=${1:-1}
runs=${2:-3}
tmp=${TMPDIR:-/tmp}
file=$tmp/shardledger-encode-bench-${size_gib}g.bin
out=$tmp/shardledger-encode-bench-out
. "$root/bench/e2e/lib.sh"
prepare_input "$file" "$size_gib"

# prints "seconds peak_rss_kib cpu_seconds" per run
time_runs() {
  for _ in $(seq "$runs"); do
    rm -rf "$out" && mkdir -p "$out"
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/shardledger-encode-bench.time" "$@" > /dev/null 2>&1
    awk '{print $1, $2, $3 + $4}' "$tmp/shardledger-encode-bench.time"
  done
  rm -rf "$out"
}
report() {
  local label=$1; shift
  local results secs rss cpu
  results=$(time_runs "$@")
  secs=$(echo "$results" | awk '{print $1}' | median)
  rss=$(echo "$results" | awk '{print $2}' | median)
  cpu=$(echo "$results" | awk '{print $3}' | median)
  printf '%-30s %6.2f s %6.0f MB/s  cpu %6.2f s  peak RSS %5.0f MiB\n' "$label" "$secs" \
    "$(echo "$size_gib * 1073.741824 / $secs" | bc -l)" "$cpu" "$(echo "$rss / 1024" | bc -l)"
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -r)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "file: $file ($size_gib GiB, page cache warm), median of $runs runs; MB/s of the input file"
report "cp" cp "$file" "$out/copy"
report "openssl enc -aes-256-ctr" openssl enc -aes-256-ctr -K "$(printf '%064d' 0)" -iv "$(printf '%032d' 0)" \
  -in "$file" -out "$out/enc"
report "shardledger encode (4 + 2)" "$root/bin/shardledger" encode "$file" --out "$out"

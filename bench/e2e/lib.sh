# Sourced by the end-to-end benchmarks: the shared set-up of a random input file and the median of a column.

# Makes $1 a file of $2 GiB of random bytes (kept between runs), builds shardledger outside the timing, and warms
# the page cache with the file. Needs $root.
prepare_input() {
  local file=$1 size_gib=$2
  if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" -ne $((size_gib << 30)) ]; then
    echo "writing ${size_gib} GiB of random bytes to $file" >&2
    head -c "$((size_gib << 30))" /dev/urandom > "$file"
  fi
  "$root/bin/shardledger" --version >/dev/null
  cat "$file" > /dev/null
}

# The median of the numbers on standard input, one per line.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

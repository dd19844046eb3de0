#!/bin/sh
# Runs anvil as a child and keeps it no longer than its parent JVM: this script's stdin is a pipe from the JVM;
# when that pipe closes (the JVM stopped it, exited, or was killed with -9), anvil is stopped too. If anvil
# exits by itself, so does this script.
# Usage: supervise.sh PIDFILE ANVIL [ARGS...]
pidfile="$1"
shift
exec 3<&0
"$@" </dev/null 3<&- &
child=$!
echo "$child" > "$pidfile"
cat <&3 >/dev/null &
reader=$!
exec 3<&-
trap 'kill "$child" "$reader" 2>/dev/null' TERM INT HUP
while kill -0 "$child" 2>/dev/null && kill -0 "$reader" 2>/dev/null; do
  sleep 0.2
done
kill "$child" "$reader" 2>/dev/null
wait "$child"
status=$?
rm -f "$pidfile"
exit "$status"

# Sourced by the scripts in bin/: finds a JDK 21 or newer and exports JAVA_HOME and PATH for it.
# Looks at JAVA_HOME, then the java on PATH, then /usr/lib/jvm/*; fails with a clear message otherwise.

# The feature version (17, 21, 25) of the java binary $1: from the JDK's release file when it has one (fast),
# otherwise by asking the JVM.
_java_feature_version() {
  local home v
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" | head -n 1)
    if [ -n "$v" ]; then
      echo "$v"
      return
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1
}

_java_ok() {
  local java="$1" v
  [ -x "$java" ] || return 1
  v=$(_java_feature_version "$java")
  [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null
}

find_jdk21() {
  local candidate best="" best_v=0 v
  if [ -n "${JAVA_HOME:-}" ] && _java_ok "$JAVA_HOME/bin/java" && [ -x "$JAVA_HOME/bin/javac" ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if _java_ok "$candidate/bin/java"; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$candidate/bin/javac" ] || continue
    v=$(_java_feature_version "$candidate/bin/java")
    v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then
      best="$candidate"
      best_v="$v"
    fi
  done
  if [ -n "$best" ]; then
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
    return 0
  fi
  echo "shardledger needs a JDK 21 or newer, and found none." >&2
  echo "  looked at: JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH, /usr/lib/jvm/*, /opt/java/*" >&2
  echo "  install one (e.g. 'apt-get install openjdk-21-jdk-headless', or Temurin 21+) or set JAVA_HOME to it." >&2
  return 1
}

# Maven runs on the JDK too; newer JDKs warn about Maven's own libraries unless told otherwise.
maven_opts_for_jdk() {
  local v
  v=$(_java_feature_version "$JAVA_HOME/bin/java")
  if [ "${v%%.*}" -ge 24 ] 2>/dev/null; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

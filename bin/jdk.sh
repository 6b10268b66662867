# Sourced by bin/run and bin/test: finds a JDK >= 21 without anyone setting JAVA_HOME by hand.
# Order: $JAVA_HOME, then JDKs under /usr/lib/jvm and /opt (newest first), then `java` on the PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
find_jdk() {
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do candidates+=("$c"); done
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] && [ "$(java_major "$c")" -ge 21 ] 2>/dev/null; then
      echo "$c"; return 0
    fi
  done
  return 1
}
JAVA_HOME=$(find_jdk) || { echo "Fyrtårn needs a JDK 21 or newer; none found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt, PATH)." >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

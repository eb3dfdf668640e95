# Sourced by ./mvnw, ./platform and .ci/run: pick_jdk prints the home of a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+; else `java` on the PATH if it is; else the newest JDK 21+ in the usual install
# folders (/usr/lib/jvm, /opt/java, /usr/java, ~/.sdkman/candidates/java).

java_major() { # prints the major version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

pick_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(java_major "$JAVA_HOME/bin/java")"
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
    echo "JAVA_HOME ($JAVA_HOME) is Java ${major:-?}; looking for a JDK 21+ elsewhere" >&2
  fi
  if command -v java >/dev/null 2>&1; then
    candidate="$(readlink -f "$(command -v java)")"
    major="$(java_major "$candidate")"
    if [ "${major:-0}" -ge 21 ] && [ -x "$(dirname "$candidate")/javac" ]; then dirname "$(dirname "$candidate")"; return; fi
  fi
  for candidate in /usr/lib/jvm/*/ /opt/java/*/ /usr/java/*/ "${HOME:-/nonexistent}"/.sdkman/candidates/java/*/; do
    [ -x "${candidate}bin/java" ] && [ -x "${candidate}bin/javac" ] || continue
    major="$(java_major "${candidate}bin/java")"
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="${candidate%/}"; best_major="$major"; fi
  done
  [ -n "$best" ] && { echo "$best"; return; }
  echo "a JDK 21 or newer is needed. Install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21) and set JAVA_HOME to it." >&2; return 1
}


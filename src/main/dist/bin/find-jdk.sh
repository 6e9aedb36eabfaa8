# Sourced by bin/nb2prod, ./nb2prod and ./mvnw: finds a JDK (or JRE) of version 21 or newer.
# Order: $JAVA_HOME, `java` on PATH, then the JDKs installed under /usr/lib/jvm and /opt/java.
# On success exports JAVA_HOME and returns 0; otherwise prints what is missing and returns 1.

nb2prod_java_major() {
  # Prints the major version of the java binary given as $1 (e.g. 17, 21, 25), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//' | head -n 1
}

nb2prod_find_jdk() {
  _nb2prod_required=21
  _nb2prod_seen=""
  for _nb2prod_home in "${JAVA_HOME:-}" "__PATH__" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    if [ "$_nb2prod_home" = "__PATH__" ]; then
      _nb2prod_java=$(command -v java 2>/dev/null) || continue
      _nb2prod_java=$(readlink -f "$_nb2prod_java" 2>/dev/null || echo "$_nb2prod_java")
      _nb2prod_home=$(dirname "$(dirname "$_nb2prod_java")")
    fi
    [ -n "$_nb2prod_home" ] && [ -x "$_nb2prod_home/bin/java" ] || continue
    _nb2prod_major=$(nb2prod_java_major "$_nb2prod_home/bin/java")
    _nb2prod_seen="$_nb2prod_seen $_nb2prod_home(${_nb2prod_major:-?})"
    if [ -n "$_nb2prod_major" ] && [ "$_nb2prod_major" -ge "$_nb2prod_required" ] 2>/dev/null; then
      JAVA_HOME="$_nb2prod_home"
      export JAVA_HOME
      return 0
    fi
  done
  echo "nb2prod: needs Java $_nb2prod_required or newer, but found ${_nb2prod_seen:- no Java at all}." >&2
  echo "nb2prod: install a JDK 21+ (e.g. Temurin) and set JAVA_HOME to it." >&2
  return 1
}

#!/usr/bin/env bash
# Cold start: time from launching the portal to the first home page that shows articles
# (GET / answers 200 with an article link), each start in a fresh data directory, so the demo
# articles are loaded and indexed every time. Prints each start, the median per way of starting
# and the machine's load (a start on a busy machine takes longer; compare runs at similar load).
# Besides the wall time it prints the CPU seconds the JVM spent until then (all threads, JIT
# included), which depends much less on what else the machine runs.
#   bench/startup.sh [RUNS]        RUNS cold starts of each way (default 3)
# Ways: `plain` is `java -jar target/huiwen.jar`; `cds` is `bin/huiwen` (the same jar, extracted,
# with a class-data-sharing archive; prepared once before the timed starts); `aot` is `bin/huiwen`
# run by the JDK in AOT_JAVA_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64; Java 24 or later),
# which records and uses the JDK's AOT cache instead; it is left out when that JDK is missing.
# WAYS="plain" runs only one. The java on the PATH runs `plain` and `cds`. The jar is built first;
# NO_BUILD=1 uses the one there (JAR=path another one).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
aot_java_home=${AOT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -z "${WAYS:-}" ]; then
  ways="plain cds"
  [ -x "$aot_java_home/bin/java" ] && ways+=" aot"
else
  ways=$WAYS
fi
jar=${JAR:-target/huiwen.jar}
if [ "${NO_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -DskipTests package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwen-startup.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
tick=$(getconf CLK_TCK)

# Starts the portal with "$@" (plus its own data directory and port), waits for a home page with
# articles and writes "WALL_SECONDS CPU_SECONDS" to $work/result.
start() {
  local data port t0 t1 cpu
  data=$(mktemp -d "$work/data.XXXXXX")
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$EPOCHREALTIME
  "$@" --huiwen.data-dir="$data" --server.port="$port" > "$data.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/" 2>/dev/null | grep -q 'href="/a/'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the portal exited; its log: $data.log" >&2; cat "$data.log" >&2; exit 1; fi
    sleep 0.02
  done
  t1=$EPOCHREALTIME
  # utime + stime of the whole process (fields 14 and 15 of /proc/PID/stat)
  cpu=$(awk -v t="$tick" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  awk -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { printf "%.2f %s\n", b - a, c }' > "$work/result"
}

command_of() {
  case $1 in
    plain) echo "java -jar $jar" ;;
    cds) echo "bin/huiwen" ;;
    aot) echo "env JAVA_HOME=$aot_java_home bin/huiwen" ;;
    *) echo "unknown way $1" >&2; exit 2 ;;
  esac
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

for way in $ways; do
  if [ "$way" = cds ] || [ "$way" = aot ]; then
    # shellcheck disable=SC2046
    HUIWEN_JAR="$jar" $(command_of "$way") --prepare >/dev/null
  fi
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"
declare -A walls cpus
for i in $(seq 1 "$runs"); do
  for way in $ways; do # alternating, so every way sees the same load
    # shellcheck disable=SC2046
    HUIWEN_JAR="$jar" start $(command_of "$way")
    read -r wall cpu < "$work/result"
    walls[$way]+="$wall " cpus[$way]+="$cpu "
    printf 'run %d %-5s %6.2f s to a home page with articles, %5.1f s CPU  (load %s)\n' \
      "$i" "$way" "$wall" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
for way in $ways; do
  # shellcheck disable=SC2086
  printf 'STARTUP %-5s median %.2f s, %.1f s CPU  (%s)\n' "$way" "$(median ${walls[$way]})" "$(median ${cpus[$way]})" "$(command_of "$way")"
done

#!/usr/bin/env bash
# Import rate (articles/s) with H2's own write delay (before: commits written up to 500 ms later,
# from a background thread) and with ours (after: each commit written to the file before it
# returns), on the same generated pages, runs alternating so both see the same machine load.
# The rate is timed from the first to the last "imported" line, so JVM startup is left out.
#   bench/import-rate.sh [PAGES] [RUNS_EACH]
set -euo pipefail
cd "$(dirname "$0")/.."
pages_n=${1:-300}
runs=${2:-2}
[ -f target/huiwen.jar ] || ./mvnw -B -q -DskipTests package
CLASSES=target/drill-classes . bench/compile.sh src/test/java/io/huiwen/GeneratedPages.java
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwen-rate.XXXXXX")
java -cp "$classes" io.huiwen.GeneratedPages "$work/pages" "$pages_n" 42

# Prints "RATE DB_BYTES" for one import into a fresh data directory.
rate() {
  local delay=$1 data=$work/data-$1-$2
  java -jar target/huiwen.jar import --huiwen.data-dir="$data" --huiwen.db.write-delay="$delay" "$work/pages" 2>/dev/null \
    | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done > "$work/out-$delay-$2"
  awk '/\] imported  / { if (!first) first = $1; last = $1; n++ }
       END { if (n < 2 || last == first) print "0"; else printf "%.2f", (n - 1) / (last - first) }' "$work/out-$delay-$2"
  printf ' %s\n' "$(du -sb "$data/db" | cut -f1)"
}

before=() after=()
for i in $(seq 1 "$runs"); do
  read -r r b < <(rate 500ms "$i"); before+=("$r"); echo "run $i before (write-delay 500ms): $r articles/s, db $b bytes"
  read -r r b < <(rate 0ms "$i"); after+=("$r"); echo "run $i after  (write-delay 0ms):   $r articles/s, db $b bytes"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
b=$(median "${before[@]}") a=$(median "${after[@]}")
echo "IMPORT pages=$pages_n runs=$runs before=$b after=$a ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
rm -rf "$work"

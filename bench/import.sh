#!/usr/bin/env bash
# Import throughput against jsoup parse-only of the same pages, in one run (issue 13).
# Writes PAGES generated news pages, then
# (FORMAT html, the default: article pages of a portal's size, about 90 KB each, with the menus,
#  teaser columns, style sheet and scripts real portal pages carry; small-html: the same articles in
#  lean pages of about 4 KB, the layout this bench used before; dump: the text dumps of the seed
#  format, which the importer reads without jsoup), then
#  (a) imports them all into a fresh data directory with the real jar, end to end: extract, enrich,
#      store (every id printed after its commit), and the index drain at the end;
#  (b) parses the same files with jsoup only (bench/import/ParseOnly.java: read, decode, Jsoup.parse),
#      on one thread and on as many threads as the import uses (this machine's processors), warm.
# Import rates: "after startup" is pages / time from the first "imported" line to the process's
# exit (so it includes the index drain and the shutdown, not the JVM and Spring startup);
# "whole" is pages / the whole wall time of the command. The ratio is the after-startup rate over
# parse-only on the import's thread count. Load averages are printed before and after.
#   bench/import.sh [PAGES] [FORMAT]      (PAGES default 10000, FORMAT html, small-html or dump; JAR=path for another build)
set -euo pipefail
cd "$(dirname "$0")/.."
pages_n=${1:-10000}
format=${2:-html}
threads=$(nproc)
jar=${JAR:-target/huiwen.jar}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
CLASSES=target/import-bench-classes . bench/compile.sh src/test/java/io/huiwen/GeneratedPages.java \
  src/test/java/io/huiwen/GeneratedPortalPage.java bench/import/ParseOnly.java
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwen-import.XXXXXX")
trap 'rm -rf "$work"' EXIT
java -cp "$classes" io.huiwen.GeneratedPages "$work/pages" "$pages_n" 42 $([ "$format" = dump ] || echo "$format")
echo "pages: $pages_n $format pages, $(du -sh "$work/pages" | cut -f1); $threads processors; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

start=$EPOCHREALTIME
java ${IMPORT_JAVA_OPTS:-} -jar "$jar" import --huiwen.data-dir="$work/data" --huiwen.demo-content=false "$work/pages" 2> "$work/import.err" \
  | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done > "$work/import.out"
end=$EPOCHREALTIME
tail -n 3 "$work/import.out" | cut -d' ' -f2- | sed 's/^/import: /'
imported=$(grep -c '\] imported  ' "$work/import.out" || true)
if [ "$imported" -ne "$pages_n" ]; then
  echo "import stored $imported of $pages_n pages; see below" >&2
  grep -v '\] imported  ' "$work/import.out" | head -5 >&2; tail -5 "$work/import.err" >&2
  exit 1
fi
read -r after whole first_s <<< "$(awk -v s="$start" -v e="$end" -v n="$pages_n" '/\] imported  / && !first { first = $1 }
  END { printf "%.1f %.1f %.1f", n / (e - first), n / (e - s), first - s }' "$work/import.out")"
echo "import: $pages_n pages in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }') s whole (first article after ${first_s} s);" \
  "after startup $after pages/s, whole $whole pages/s"
awk -v e="$end" '/\] imported  / { last = $1 } / indexed [0-9]+$/ { indexed = $1 }
  END { printf "import: last article to \"indexed\" %.1f s, \"indexed\" to exit %.1f s\n", indexed - last, e - indexed }' "$work/import.out"

java -cp "$classes:$cp" io.huiwen.bench.ParseOnly "$work/pages" "$threads" > "$work/parse.out"
sed 's/^/jsoup: /' "$work/parse.out"
parse1=$(sed -n 's/^PARSE threads=1 .* rate=\([0-9.]*\)$/\1/p' "$work/parse.out")
parseN=$(sed -n "s/^PARSE threads=$threads .* rate=\\([0-9.]*\\)\$/\\1/p" "$work/parse.out" | tail -n 1)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "IMPORT pages=$pages_n format=$format import_after_startup=$after import_whole=$whole parse_1_thread=$parse1" \
  "parse_${threads}_threads=$parseN ratio=$(awk -v a="$after" -v p="$parseN" 'BEGIN { printf "%.3f", a / p }')" \
  "ratio_whole=$(awk -v a="$whole" -v p="$parseN" 'BEGIN { printf "%.3f", a / p }')"

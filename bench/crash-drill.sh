#!/usr/bin/env bash
# Crash drill: every id that `import` printed must outlive a kill -9 of the import.
# Writes PAGES distinct generated page dumps, imports them into a fresh data directory and kills
# the import with SIGKILL at a random moment, ROUNDS times, each time resuming with the same
# import (pages already stored come back as duplicates); then imports to the end. After every
# round it checks with the product itself: the database (opened as the product would, with
# the product stopped) and the server (/a/N for every acknowledged id, the search index gauge on
# /actuator/prometheus until it equals the published articles). Exits 1 on any acknowledged
# article missing, any page stored twice, or an index that does not catch up.
#   bench/crash-drill.sh [PAGES] [ROUNDS]      (SEED=n for the same pages and kill moments again)
set -euo pipefail
cd "$(dirname "$0")/.."
pages_n=${1:-2000}
rounds=${2:-3}
seed=${SEED:-$RANDOM}
RANDOM=$seed
[ -f target/huiwen.jar ] || ./mvnw -B -q -DskipTests package
CLASSES=target/drill-classes . bench/compile.sh src/test/java/io/huiwen/GeneratedPages.java
jar=target/huiwen.jar
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwen-drill.XXXXXX")
pages=$work/pages data=$work/data acked=$work/acknowledged.tsv
: > "$acked"
java -cp "$classes" io.huiwen.GeneratedPages "$pages" "$pages_n" "$seed"
echo "drill: $pages_n pages, $rounds kills, seed $seed, in $work"

server_pid=
cleanup() { [ -z "$server_pid" ] || kill -9 "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

# Lines "[i/n] imported  FILE -> /a/ID TITLE[  [awaiting review…]]" of one run, as ID<TAB>TITLE.
acknowledgements() {
  sed -n 's#^\[[0-9]*/[0-9]*\] imported  .* -> /a/\([0-9][0-9]*\) \(.*\)$#\1\t\2#p' "$1" | sed 's/  \[awaiting review.*$//'
}

# One import run; with a kill delay, SIGKILL that many seconds after the run's first new article.
import_run() {
  local out=$1 kill_after=${2:-}
  java -jar "$jar" import --huiwen.data-dir="$data" --huiwen.demo-content=false "$pages" > "$out" 2> "$out.err" &
  local pid=$!
  if [ -n "$kill_after" ]; then
    local deadline=$((SECONDS + 600))
    until grep -q ' imported  ' "$out" || ! kill -0 "$pid" 2>/dev/null; do
      [ $SECONDS -lt $deadline ] || { echo "import printed nothing in 600 s" >&2; exit 1; }
      sleep 0.2
    done
    sleep "$kill_after"
    if kill -9 "$pid" 2>/dev/null; then killed=yes; else killed="no (it had finished)"; fi
  fi
  wait "$pid" 2>/dev/null || true
  acknowledgements "$out" >> "$acked"
}

# The database as the product leaves it: one row per article, as id,title,status.
db_rows() {
  rm -f "$work/rows.csv"
  java -cp "$cp" org.h2.tools.Shell -url "jdbc:h2:file:$data/db/huiwen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
    -user sa -password "" \
    -sql "CALL CSVWRITE('$work/rows.csv', 'SELECT id, title, status FROM article ORDER BY id', 'charset=UTF-8 fieldDelimiter= fieldSeparator=|')" >/dev/null
  tail -n +2 "$work/rows.csv"
}

prometheus_index() {
  curl -s -u admin:crash-drill-admin "$base/actuator/prometheus" | sed -n 's/^huiwen_search_index_documents\({[^}]*}\)\{0,1\} \([0-9.E+]*\)$/\2/p' \
    | awk '{printf "%d", $1}'
}

failures=0
verify() {
  local label=$1
  db_rows > "$work/rows.txt"
  local articles published duplicated present missing
  articles=$(wc -l < "$work/rows.txt")
  published=$(awk -F'|' '$3=="published"' "$work/rows.txt" | wc -l)
  duplicated=$(cut -d'|' -f2 "$work/rows.txt" | sort | uniq -d | wc -l)
  # Acknowledged: distinct ids printed; each must be stored under its printed title.
  sort -u "$acked" > "$work/acked-unique.tsv"
  awk -F'|' '{print $1 "\t" $2}' "$work/rows.txt" | sort > "$work/stored.tsv"
  missing=$(comm -23 "$work/acked-unique.tsv" "$work/stored.tsv" | wc -l)

  local port=$((20000 + RANDOM % 20000))
  base=http://127.0.0.1:$port
  HUIWEN_ADMIN_PASSWORD=crash-drill-admin java -jar "$jar" --server.port=$port --huiwen.data-dir="$data" --huiwen.demo-content=false \
    --huiwen.collect.enabled=false > "$work/serve-$label.log" 2>&1 &
  server_pid=$!
  local deadline=$((SECONDS + 300))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/actuator/health")" = 200 ]; do
    kill -0 "$server_pid" 2>/dev/null || { echo "server died, see $work/serve-$label.log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "server not healthy in 300 s" >&2; exit 1; }
    sleep 0.5
  done
  # Every acknowledged id answers 200 at /a/N (one curl per 200 ids, one connection each).
  cut -f1 "$work/acked-unique.tsv" | sort -un \
    | xargs -r -n 200 sh -c 'for id; do printf -- "-o /dev/null %s/a/%s\n" "$0" "$id"; done | xargs curl -s -w "%{http_code} %{url_effective}\n"' "$base" \
    > "$work/http-$label.txt"
  present=$(grep -c '^200 ' "$work/http-$label.txt" || true)
  local not_served
  not_served=$(grep -vc '^200 ' "$work/http-$label.txt" || true)
  # The index catches up with the database (the outbox drains every second).
  local index=-1
  deadline=$((SECONDS + 300))
  while [ "$index" != "$published" ] && [ $SECONDS -lt $deadline ]; do
    index=$(prometheus_index)
    [ "$index" = "$published" ] || sleep 0.5
  done
  kill "$server_pid"; wait "$server_pid" || true; server_pid=

  local acknowledged
  acknowledged=$(wc -l < "$work/acked-unique.tsv")
  echo "$label: acknowledged $acknowledged, present $present, missing $missing, not served $not_served, duplicated $duplicated, db articles $articles, db published $published, index $index"
  if [ "$missing" -ne 0 ] || [ "$not_served" -ne 0 ] || [ "$duplicated" -ne 0 ] || [ "$index" != "$published" ]; then
    failures=$((failures + 1))
    comm -23 "$work/acked-unique.tsv" "$work/stored.tsv" | head -5 | sed 's/^/  missing: /'
    grep -v '^200 ' "$work/http-$label.txt" | head -5 | sed 's/^/  not served: /'
  fi
}

for round in $(seq 1 "$rounds"); do
  before=$(wc -l < "$acked")
  kill_after=$(awk -v r=$RANDOM 'BEGIN { printf "%.1f", r % 200 / 10 }')
  killed=
  import_run "$work/import-$round.out" "$kill_after"
  echo "round $round: kill -9 ${kill_after} s after the first new article: killed $killed;" \
    "$(( $(wc -l < "$acked") - before )) acknowledged in this run"
  verify "round $round"
done
import_run "$work/import-final.out"
echo "final import: $(tail -n 1 "$work/import-final.out")"
verify final
stored=$(wc -l < "$work/rows.txt")
if [ "$stored" -ne "$pages_n" ]; then
  echo "final: $stored articles stored of $pages_n pages"
  failures=$((failures + 1))
fi
if [ "$failures" -ne 0 ]; then
  echo "DRILL FAILED ($failures checks); files in $work"
  exit 1
fi
echo "DRILL PASSED: every acknowledged article survived $rounds kills"
rm -rf "$work"

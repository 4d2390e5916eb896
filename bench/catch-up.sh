#!/usr/bin/env bash
# Catch-up after downtime: how long a portal node that was down takes to apply the changes the
# other nodes made meanwhile, read from the change log of a shared PostgreSQL database.
# One node (own data directory, embedded index) starts on a fresh database with the demo
# articles and is stopped; it is started again with nothing to catch up (the baseline); it is
# stopped, and CHANGES new articles with their change-log rows are written into the database
# (cloned from the demo articles in SQL, so ten thousand take seconds rather than an hour of
# imports); it is started once more. Readiness waits for the catch-up (up to 10,000 changes), so
# the difference between the two start-to-ready times is the catch-up. Prints both, the
# difference and the rate; exits 1 if the index does not end up holding every published article.
#   bench/catch-up.sh [CHANGES]          (default 10000; NO_BUILD=1 to use target/huiwen.jar as it is)
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres, and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
changes=${1:-10000}
[ -n "${NO_BUILD:-}" ] || ./mvnw -B -q -DskipTests package
jar=target/huiwen.jar
db=huiwen_bench_catchup_$$
work=$(mktemp -d "${TMPDIR:-/tmp}/huiwen-catchup.XXXXXX")
port=$((20000 + RANDOM % 20000))
psql_db() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$db" "$@"; }
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db"
server_pid=
cleanup() {
  [ -z "$server_pid" ] || kill -9 "$server_pid" 2>/dev/null || true
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
}
trap cleanup EXIT

# Starts the node; sets ready_ms to the milliseconds from start to readiness.
start_node() {
  local t0 t1
  t0=$(date +%s%N)
  java -Xmx1g -jar "$jar" --server.port="$port" --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" \
    --spring.datasource.username=postgres --spring.datasource.password= --huiwen.data-dir="$work/data" \
    --huiwen.node-id=bench-node --huiwen.admin.password=bench-admin --huiwen.collect.enabled=false \
    > "$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; then
      t1=$(date +%s%N)
      ready_ms=$(( (t1 - t0) / 1000000 ))
      return
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "node died, see $work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "node not ready in 120 s, see $work/serve.log" >&2
  exit 1
}

stop_node() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

start_node   # first start: migrations and demo articles
stop_node
start_node
baseline_ms=$ready_ms
stop_node

cols=$(psql_db -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
                   WHERE table_name = 'article' AND column_name NOT IN ('id', 'source_url', 'content_key', 'story_id', 'title')")
demo=$(psql_db -c "SELECT COUNT(*) FROM article")
psql_db <<SQL
INSERT INTO article (source_url, content_key, story_id, title, $cols)
SELECT 'https://clone.example/' || g || '/' || a.id, md5(a.content_key || '/' || g), NULL, a.title || '（' || g || '）', $(echo "$cols" | sed -E 's/([a-z_0-9]+)/a.\1/g')
FROM article a, generate_series(1, ($changes / $demo) + 1) g
ORDER BY g, a.id
LIMIT $changes;
INSERT INTO index_outbox (article_id) SELECT id FROM article WHERE source_url LIKE 'https://clone.example/%' ORDER BY id;
SQL
logged=$(psql_db -c "SELECT COUNT(*) FROM index_outbox WHERE article_id IN (SELECT id FROM article WHERE source_url LIKE 'https://clone.example/%')")

start_node
catchup_ms=$ready_ms
published=$(psql_db -c "SELECT COUNT(*) FROM article WHERE status = 'published'")
indexed=$(curl -sf -u admin:bench-admin "http://127.0.0.1:$port/actuator/prometheus" | sed -n 's/^huiwen_search_index_documents[^ ]* \([0-9.eE+]*\)$/\1/p' | head -n 1)
indexed=$(printf '%.0f' "$indexed")
stop_node

diff_ms=$((catchup_ms - baseline_ms))
echo "CATCHUP changes=$logged baseline_ready_ms=$baseline_ms catchup_ready_ms=$catchup_ms catch_up_ms=$diff_ms rate_per_s=$(( logged * 1000 / (diff_ms > 0 ? diff_ms : 1) )) indexed=$indexed published=$published"
[ "$indexed" = "$published" ] || { echo "the index holds $indexed articles, the database shows readers $published" >&2; exit 1; }

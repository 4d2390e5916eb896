#!/usr/bin/env bash
# Search speed at scale: indexes ARTICLES synthetic articles (Chinese text from the demo corpus's
# words; generation not timed) through the product's LuceneSearchIndex in a 1 GB heap, then runs
# the same 1,000 queries through the product's search and a bare Lucene IndexSearcher on the same
# index, alternating. Prints build rate, peak heap, p50/p99 of both, the ratio, and where our time goes.
#   bench/search-speed.sh [ARTICLES]          (default 1000000)
#   JFR=1 bench/search-speed.sh 50000         (also records target/search-speed.jfr)
set -euo pipefail
cd "$(dirname "$0")/.."
CLASSES=target/bench-search-classes . bench/compile.sh bench/search/io/huiwen/search/*.java
index=$(mktemp -d /tmp/huiwen-search-speed-XXXXXX)
trap 'rm -rf "$index"' EXIT
jfr=()
[ -z "${JFR:-}" ] || jfr=(-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=target/search-speed.jfr,settings=profile)
echo "load before: $(uptime)"
java -Xmx1g "${jfr[@]}" -cp "$classes:$cp" io.huiwen.search.SearchSpeedBench "${1:-1000000}" "$index" 2>/dev/null
echo "load after: $(uptime)"
if [ -n "${JFR:-}" ]; then
  jfr print --events jdk.ExecutionSample --stack-depth 256 target/search-speed.jfr | python3 bench/search/jfr-breakdown.py
fi

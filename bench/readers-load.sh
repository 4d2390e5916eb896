#!/usr/bin/env bash
# Readers under load: the real server (the jar, a fresh data directory with the demo articles,
# default settings) and wrk at 64 and 256 connections for 10 s each on an article page, the home
# page, the article API and a search. Prints one line per run and a SUMMARY; exits non-zero when
# any response was not 2xx or any socket error or timeout (wrk's 2 s) happened.
#   bench/readers-load.sh [SECONDS] [CONNECTIONS...]      (needs wrk: apt-get install wrk)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10}
shift || true
if [ $# -gt 0 ]; then conns=("$@"); else conns=(64 256); fi
jar=$here/target/huiwen.jar
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

work=$(mktemp -d /tmp/huiwen-load-XXXXXX)
. "$here/bench/portal.sh"
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
start_portal "$jar" "$work/data"
id=$(curl -s "$base/api/v1/latest?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
paths=("/a/$id" "/" "/api/v1/articles/$id" "/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA")

# warm up the JIT and the caches, as a portal that has been running would be
for p in "${paths[@]}"; do wrk -t2 -c16 -d3s "$base$p" > /dev/null; done

bad=0
for c in "${conns[@]}"; do
  for p in "${paths[@]}"; do
    out=$(wrk -t2 -c"$c" -d"${seconds}s" "$base$p")
    rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
    total=$(awk '/requests in/ {print $1}' <<< "$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<< "$out"); non2xx=${non2xx:-0}
    sock=$(awk -F'[ ,]+' '/Socket errors/ {print $4+$6+$8+$10}' <<< "$out"); sock=${sock:-0}
    mean=$(awk '/Latency/ {print $2}' <<< "$out")
    max=$(awk '/Latency/ {print $4}' <<< "$out")
    echo "LOAD connections=$c path=$p requests=$total rps=$rps latency_mean=$mean latency_max=$max non_2xx=$non2xx socket_errors=$sock"
    [ "$non2xx" = 0 ] && [ "$sock" = 0 ] || bad=$((bad + 1))
  done
done
echo "SUMMARY runs=$(( ${#conns[@]} * ${#paths[@]} )) failed_runs=$bad load=$(cut -d' ' -f1 /proc/loadavg) cores=$(nproc)"
[ "$bad" = 0 ]

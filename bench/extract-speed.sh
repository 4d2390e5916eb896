#!/usr/bin/env bash
# Extraction speed against the peer, Mozilla Readability on jsdom, on the same pages in one run.
# Both sides read and decompress the page bytes before their timers start. Prints both rates
# and the ratios: Huiwen's whole run (`extract --jsonl` over all the pages, JVM start and output
# included: what a command-line user waits for), its first pass (a cold JVM), its second pass
# (the JIT still compiling) and its warm rate (after 15 s of untimed passes: a running portal).
#   bench/extract-speed.sh [SPLIT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
split=$(cd "${1:-$here/../shared/eval}" && pwd)
jar=$here/target/huiwen.jar
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
work=$(mktemp -d /tmp/huiwen-speed-XXXXXX)

# The peer: its tools folder may be read-only, so copy it and install its pinned dependencies.
cp -r "$split/tools/." "$work/tools/" 2>/dev/null || { mkdir -p "$work/tools"; cp -r "$split/tools/." "$work/tools/"; }
(cd "$work/tools" && npm ci --silent --no-audit --no-fund >/dev/null)
node "$work/tools/run-readability.js" "$split" "$work/readability" > "$work/readability.txt"

find "$split/scrapinghub/html" "$split/zh/html" "$split/trafilatura/html" -maxdepth 1 -type f \( -name '*.html' -o -name '*.html.gz' \) | sort > "$work/pages.list"
xargs -a "$work/pages.list" -d '\n' java -jar "$jar" extract --timing > "$work/huiwen.txt"
# The whole run a command-line user waits for: JVM start, reading the files, extracting, writing JSON lines.
start=$EPOCHREALTIME
xargs -a "$work/pages.list" -d '\n' java -jar "$jar" extract --jsonl > /dev/null
echo "whole run $(awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.2f", e - s }') s" >> "$work/huiwen.txt"

python3 - "$work/readability/timing.json" "$work/huiwen.txt" <<'PY'
import json, re, sys
t = json.load(open(sys.argv[1]))
pages = sum(s["pages"] for s in t["subsets"].values())
ms = sum(s["jsdom_parse_ms"] + s["readability_ms"] for s in t["subsets"].values())
peer = pages / (ms / 1000)
ours = open(sys.argv[2]).read()
cold = float(re.search(r"first pass ([0-9.]+) pages/s", ours).group(1))
second = float(re.search(r"second pass ([0-9.]+) pages/s", ours).group(1))
warm = float(re.search(r"warm ([0-9.]+) pages/s", ours).group(1))
whole = pages / float(re.search(r"whole run ([0-9.]+) s", ours).group(1))
print(f"readability.js {t['readability']} (jsdom {t['jsdom']}, node {t['node']}): {pages} pages, {peer:.1f} pages/s")
print(f"huiwen: {ours.strip()}")
print(f"SPEED pages={pages} readability={peer:.1f}/s huiwen_whole_run={whole:.1f}/s huiwen_first_pass={cold:.1f}/s "
      f"huiwen_second_pass={second:.1f}/s huiwen_warm={warm:.1f}/s ratio_whole_run={whole / peer:.1f}x "
      f"ratio_first_pass={cold / peer:.1f}x ratio_second_pass={second / peer:.1f}x ratio_warm={warm / peer:.1f}x")
PY

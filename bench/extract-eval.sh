#!/usr/bin/env bash
# Extraction quality on an evaluation split (default ../shared/eval): runs
# `huiwen.jar extract --jsonl` over every page, writes one prediction file per page in the
# scorer's format, runs the scorer and prints its SUMMARY line.
#   bench/extract-eval.sh [SPLIT_DIR] [PRED_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
split=$(cd "${1:-$here/../shared/eval}" && pwd)
pred=${2:-$(mktemp -d /tmp/huiwen-eval-XXXXXX)}
jar=$here/target/huiwen.jar
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)

for subset in scrapinghub zh trafilatura; do
  dir=$split/$subset/html
  [ -d "$dir" ] || continue
  mkdir -p "$pred/$subset"
  # one JVM for the whole subset; a page that fails still prints a line (with "error")
  find "$dir" -maxdepth 1 -type f \( -name '*.html' -o -name '*.html.gz' \) | sort > "$pred/$subset.list"
  xargs -a "$pred/$subset.list" -d "\n" java ${JAVA_OPTS:-} -jar "$jar" extract --jsonl > "$pred/$subset.jsonl" 2> "$pred/$subset.err" || true
  python3 - "$pred/$subset.jsonl" "$pred/$subset" <<'PY'
import json, os, re, sys
src, out = sys.argv[1], sys.argv[2]
for line in open(src, encoding="utf-8"):
    a = json.loads(line)
    page_id = re.sub(r"\.html(\.gz)?$", "", os.path.basename(a["file"]))
    pred = {"title": a.get("title"), "publish_time": a.get("publish_time"), "text": a.get("text") or ""}
    with open(os.path.join(out, page_id + ".json"), "w", encoding="utf-8") as f:
        json.dump(pred, f, ensure_ascii=False)
PY
done

python3 "$split/tools/score.py" "$split" "$pred" > "$pred/score.txt"
echo "per-page results: $pred/per-page.tsv" >&2
tail -n 1 "$pred/score.txt"

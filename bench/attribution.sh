#!/usr/bin/env bash
# Attribution on the Chinese evaluation pages: runs `huiwen.jar extract --jsonl` over
# ../shared/eval/zh and compares source (来源) and author (作者) with the ground truth's
# author_or_source (the line as printed: an outlet, or a writer's name when the page names one).
#   bench/attribution.sh [SPLIT_DIR] [JAR]
# Prints one line per page and the counts: 来源 known, attribution right (来源 or 作者 matches
# the printed line), and pages with an outlet under 作者.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
split=$(cd "${1:-$here/../shared/eval}" && pwd)
jar=${2:-$here/target/huiwen.jar}
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -DskipTests package)
out=$(mktemp /tmp/huiwen-attribution-XXXXXX.jsonl)
find "$split/zh/html" -maxdepth 1 -name '*.html' | sort \
  | xargs -d '\n' java -jar "$jar" extract --jsonl > "$out" 2>/dev/null || true
python3 - "$split/zh/ground-truth.json" "$out" <<'PY'
import json, os, re, sys
truth = {r["id"]: r.get("author_or_source") for r in json.load(open(sys.argv[1], encoding="utf-8"))}
# an outlet's name ends in what outlets are (网, 报, 社, 频道, 客户端 …) or is a portal or platform itself
outlet = re.compile(r"(网|报|社|台|新闻|周刊|频道|客户端|传媒|媒体|杂志|日报|晚报|时报|网易|新浪|腾讯|搜狐|凤凰|号)$")
def norm(s):
    return re.sub(r"[\s·•/、,，]", "", s or "")
def same(a, b):
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and (a in b or b in a)
known = right = outlet_author = 0
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
for a in rows:
    pid = re.sub(r"\.html$", "", os.path.basename(a["file"]))
    gt = truth.get(pid)
    src, aut = a.get("source"), a.get("author")
    ok = gt is not None and (same(src, gt) or same(aut, gt) or any(same(p, gt) for p in re.split(r"[/、,，]", gt)
                                                                    if p and (same(p, src) or same(p, aut))))
    bad_author = aut is not None and bool(outlet.search(aut.strip()))
    known += src is not None
    right += ok
    outlet_author += bad_author
    print(f"{pid:14} {'ok ' if ok else '-- '}{'OUTLET-AUTHOR ' if bad_author else ''}"
          f"source={src!r} author={aut!r} editor={a.get('editor')!r} platform={a.get('platform')!r} | truth={gt!r}")
n = len(rows)
print(f"ATTRIBUTION n={n} source_known={known} right={right} outlet_in_author={outlet_author}")
PY
rm -f "$out"

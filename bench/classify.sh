#!/usr/bin/env bash
# Categories, measured two ways.
# 1. The classifier as an algorithm, on written articles (the demo pages, category from their
#    breadcrumb, plus bench/classify/corpus/<slug>/*.txt): accuracy on a held-back fifth, how many
#    predictions are sure and how often those are right, 5-fold cross-validated accuracy, a threshold
#    table, the cost of training and predicting; and the shipped section lexicons on the same texts.
#    (The portal itself never trains on the demo articles: they are fiction written for it.)
# 2. On real pages, where available: the whole category evidence (breadcrumb, section, channel,
#    lexicons, classifier) over ../shared/eval/zh with the categories an editor would accept
#    (src/test/resources/zh-eval-categories.tsv), as a fresh install with no source category would:
#    share decided surely, share of those right, share right including suggestions, and what each
#    kind of signal said.
#   bench/classify.sh            (JAVA_OPTS=-DskipCost=true to leave out the timing)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/compile.sh bench/classify/ClassifyBench.java
java -Xmx1g ${JAVA_OPTS:-} -cp "$classes:$cp" ClassifyBench src/main/resources/demo/articles bench/classify/corpus 2>/dev/null
if [ -d ../shared/eval/zh ]; then
    echo "real pages (../shared/eval/zh):"
    ./mvnw -B -q test -Dtest=ZhEvalCategoriesTest -Dsurefire.failIfNoSpecifiedTests=false -Dhuiwen.skip-browser-tests=true 2>&1 \
        | grep -E '^(signal|CATEGORIES|[0-9a-z]+-[0-9a-z]+ )' || true
else
    echo "real pages: ../shared/eval/zh is absent; nothing measured on real pages"
fi

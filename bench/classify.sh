#!/usr/bin/env bash
# Category classifier: accuracy on a held-back fifth of the categorised corpus (the demo pages,
# category from their breadcrumb, plus bench/classify/corpus/<slug>/*.txt), how many predictions
# are sure and how often those are right, 5-fold cross-validated accuracy, a threshold table,
# and the cost of training on 10,000 articles and of one prediction.
#   bench/classify.sh            (JAVA_OPTS=-DskipCost=true to leave out the timing)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/compile.sh bench/classify/ClassifyBench.java
java -Xmx1g ${JAVA_OPTS:-} -cp "$classes:$cp" ClassifyBench src/main/resources/demo/articles bench/classify/corpus 2>/dev/null

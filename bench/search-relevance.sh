#!/usr/bin/env bash
# Search relevance: recall@5 and MRR of the judged queries in bench/search/judged.tsv over the demo
# articles plus bench/search/extra.tsv, through the product's Lucene index (one result per story).
#   bench/search-relevance.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/compile.sh bench/search/SearchRelevanceBench.java
java -Xmx1g -cp "$classes:$cp" SearchRelevanceBench src/main/resources/demo/articles bench/search 2>/dev/null

#!/usr/bin/env bash
# Search relevance: recall@5 and MRR of the judged queries in bench/search/judged.tsv over the demo
# articles plus bench/search/extra.tsv, through the product's Lucene index (one result per story).
#   bench/search-relevance.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
[ -d target/classes/io/huiwen ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
javac -encoding UTF-8 -cp "$cp" -d target/bench-classes bench/search/SearchRelevanceBench.java
java -Xmx1g -cp "target/bench-classes:$cp" SearchRelevanceBench src/main/resources/demo/articles bench/search 2>/dev/null

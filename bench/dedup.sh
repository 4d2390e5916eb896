#!/usr/bin/env bash
# Story clustering: precision and recall on reposted variants of the demo articles, and the time
# of one fingerprint lookup among 1,000,000 stored fingerprints (H2, the product's band indexes).
#   bench/dedup.sh [FINGERPRINTS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
[ -d target/classes/io/huiwen ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="target/classes:$(cat target/bench.classpath)"
mkdir -p target/bench-classes
javac -encoding UTF-8 -cp "$cp" -d target/bench-classes bench/dedup/DedupBench.java
java -Xmx2g -cp "target/bench-classes:$cp" DedupBench src/main/resources/demo/articles "${1:-1000000}" 2>/dev/null

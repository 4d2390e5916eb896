#!/usr/bin/env bash
# Story clustering: precision and recall on reposted variants of the demo articles, and the time
# of one fingerprint lookup among 1,000,000 stored fingerprints (H2, the product's band indexes).
#   bench/dedup.sh [FINGERPRINTS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/compile.sh bench/dedup/DedupBench.java
java -Xmx2g -cp "$classes:$cp" DedupBench src/main/resources/demo/articles "${1:-1000000}" 2>/dev/null

/**
 * Collect: sources that editors register, the readers that find article links in feeds,
 * sitemaps and list pages, the polite fetcher (robots.txt, per-host delay, conditional GET,
 * retries, size and time limits, address guard) and the scheduler that polls due sources and
 * hands each fetched page, with what its feed said, to ingest. The leftmost stage: nothing depends on it but the edges.
 */
package io.huiwen.collect;

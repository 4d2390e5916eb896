/**
 * Ingest: a fetched or given page becomes a stored article — extract, enrich, store — with its
 * provenance (source, charset override, feed entry, URL), the same way for a poll, an import, a
 * re-extraction and the demo content. Calls extract and article (which enriches through text);
 * collect and the edges call it, nothing below it does.
 */
package io.huiwen.ingest;

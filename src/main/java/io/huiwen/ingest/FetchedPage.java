package io.huiwen.ingest;

import java.net.URI;
import java.time.Instant;

/** A page as it was fetched: the bytes and what the server said they are. */
public record FetchedPage(URI url, String contentType, Instant fetchedAt, byte[] body) {}

package io.huiwen.collect;

import java.net.URI;

/**
 * One page to fetch. {@code etag} and {@code lastModified} come from the previous response and
 * make the request conditional (a 304 then means "unchanged"). {@code retry} says whether a 5xx,
 * 429 or broken connection is tried again (with backoff) before the fetch fails.
 */
public record FetchRequest(URI url, String etag, String lastModified, String referer, boolean retry) {

    public FetchRequest(URI url, String etag, String lastModified, String referer) {
        this(url, etag, lastModified, referer, true);
    }

    /** The same request tried once: for a fetch whose failure is remembered instead (images). */
    public FetchRequest once() {
        return new FetchRequest(url, etag, lastModified, referer, false);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null);
    }
}

package io.huiwen.collect;

import java.net.URI;

/**
 * One page to fetch. {@code etag} and {@code lastModified} come from the previous response and
 * make the request conditional (a 304 then means "unchanged").
 */
public record FetchRequest(URI url, String etag, String lastModified, String referer) {

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, null, null, null);
    }
}

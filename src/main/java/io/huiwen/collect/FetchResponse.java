package io.huiwen.collect;

import java.net.URI;
import java.time.Instant;

/**
 * A response: {@code url} is the final URL after redirects; {@code body} is decompressed (empty
 * for 304). {@code etag}/{@code lastModified} are what to send next time.
 */
public record FetchResponse(URI url, int status, String contentType, byte[] body, String etag, String lastModified,
                            Instant fetchedAt) {

    public boolean notModified() {
        return status == 304;
    }
}

package io.huiwen.collect;

import java.util.Locale;

/** Why a fetch or a poll failed, as shown to editors and exported as a metric tag (snake_case). */
public enum FetchFailureReason {
    ROBOTS_DISALLOWED,
    /** robots.txt answered 5xx: the whole host is deferred, as the robots.txt convention asks. */
    ROBOTS_UNAVAILABLE,
    BLOCKED_ADDRESS,
    BAD_URL,
    DNS_FAILED,
    CONNECT_FAILED,
    TIMEOUT,
    TOO_LARGE,
    /** A 200 with no body, or only whitespace, where a page was expected. */
    EMPTY_RESPONSE,
    /** The body is an image, PDF or archive, not text. */
    NOT_TEXT,
    /** The body's gzip, deflate or brotli stream is broken, or uses an encoding we did not offer. */
    BROKEN_COMPRESSION,
    TOO_MANY_REDIRECTS,
    HTTP_4XX,
    HTTP_404,
    HTTP_5XX,
    HTTP_429,
    BAD_FEED,
    NOT_AN_ARTICLE,
    IO_ERROR;

    /** The name editors and metrics see, e.g. {@code robots_disallowed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.huiwen.collect;

import java.time.Duration;

/** A fetch that did not give a usable response; {@link #reason()} is the typed cause, the message one line for people. */
public class FetchFailure extends Exception {

    private final FetchError reason;
    private final Duration retryAfter;

    public FetchFailure(FetchError reason, String message) {
        this(reason, message, null);
    }

    public FetchFailure(FetchError reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public FetchError reason() {
        return reason;
    }

    /** How long the server asked us to wait (Retry-After, or a deferred host), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

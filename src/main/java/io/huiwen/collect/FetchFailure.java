package io.huiwen.collect;

import java.time.Duration;

/** A fetch that did not give a usable response; {@link #reason()} is the typed cause, the message one line for people. */
public class FetchFailure extends Exception {

    private final FetchFailureReason reason;
    private final Duration retryAfter;

    public FetchFailure(FetchFailureReason reason, String message) {
        this(reason, message, null);
    }

    public FetchFailure(FetchFailureReason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public FetchFailureReason reason() {
        return reason;
    }

    /** How long the server asked us to wait (Retry-After, or a deferred host), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

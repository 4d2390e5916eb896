package io.huiwen.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Counts fetches and times them by outcome ({@code ok}, {@code not_modified} or a
 * {@link FetchFailureReason#code()}). No host tag: the number of hosts is unbounded.
 */
final class FetchMetrics {

    static final String REQUESTS = "huiwen.fetch.requests";
    static final String DURATION = "huiwen.fetch.duration";

    private final MeterRegistry registry;

    /** {@code registry} may be null: then nothing is recorded. */
    FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String outcome, long nanos) {
        if (registry == null) {
            return;
        }
        Counter.builder(REQUESTS).description("Pages fetched, by outcome").tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder(DURATION).description("Time to fetch a page, waits included").tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-06-03T08:00:00Z"), ZoneOffset.UTC);
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), clock);
    private final Deadline plenty = Deadline.after(Duration.ofHours(1));

    @ParameterizedTest(name = "Retry-After: {0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1                             | PT1S
            120                           | PT2M
            Tue, 03 Jun 2025 08:00:30 GMT | PT30S
            Tue, 03 Jun 2025 07:00:00 GMT | PT0S
            soon                          | null
            ''                            | null
            """)
    void readsRetryAfterInSecondsOrAsADate(String header, String expected) {
        assertThat(policy.retryAfter(header)).isEqualTo(expected == null ? null : Duration.parse(expected));
    }

    @Test
    void backoffDoublesAndStopsAfterTheLastRetry() {
        FetchFailure failure = new FetchFailure(FetchFailureReason.HTTP_5XX, "503");
        assertThat(policy.waitBefore(0, failure, plenty)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitBefore(1, failure, plenty)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitBefore(2, failure, plenty)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.waitBefore(3, failure, plenty)).isNull();
    }

    @Test
    void retryAfterLongerThanTheBackoffWins() {
        assertThat(policy.waitBefore(0, new FetchFailure(FetchFailureReason.HTTP_429, "429", Duration.ofSeconds(30)), plenty))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterBeyondFiveMinutesIsNotWaitedFor() {
        assertThat(policy.waitBefore(0, new FetchFailure(FetchFailureReason.HTTP_429, "429", Duration.ofMinutes(6)), plenty)).isNull();
    }

    @Test
    void waitThatOutlastsTheRequestTimeoutIsNotStarted() {
        Deadline soon = Deadline.after(Duration.ofMillis(500));
        assertThat(policy.waitBefore(0, new FetchFailure(FetchFailureReason.HTTP_5XX, "500"), soon)).isNull();
    }

    @Test
    void clientErrorsBlocksAndTimeoutsAreNotRetried() {
        for (FetchFailureReason reason : new FetchFailureReason[] {FetchFailureReason.HTTP_404, FetchFailureReason.HTTP_4XX, FetchFailureReason.BLOCKED_ADDRESS,
                FetchFailureReason.TOO_LARGE, FetchFailureReason.TIMEOUT, FetchFailureReason.ROBOTS_DISALLOWED}) {
            assertThat(policy.waitBefore(0, new FetchFailure(reason, "x"), plenty)).as(reason.code()).isNull();
        }
        assertThat(RetryPolicy.retryable(FetchFailureReason.CONNECT_FAILED)).isTrue();
    }
}

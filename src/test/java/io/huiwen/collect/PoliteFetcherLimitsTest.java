package io.huiwen.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Size after decompression, time limits, and one slow host not holding up another. */
class PoliteFetcherLimitsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    @RegisterExtension
    static final FakeSiteExtension site = new FakeSiteExtension();

    private PoliteFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        fetcher = new PoliteFetcher(FakeSite.properties(), "Huiwen/test", registry, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "br"})
    void compressedBodiesAreDecoded(String encoding) throws Exception {
        byte[] text = ResponseBodyTest.TEXT.getBytes(UTF_8);
        byte[] body = switch (encoding) {
            case "gzip" -> ResponseBodyTest.gzip(text);
            case "deflate" -> ResponseBodyTest.deflate(text, false);
            default -> ResponseBodyTest.BROTLI_TEXT;
        };
        site.on("/a", (exchange, call) -> FakeSite.reply(exchange, 200, "text/html", body, "Content-Encoding", encoding));

        assertThat(new String(fetcher.fetch(FetchRequest.of(site.url("/a"))).body(), UTF_8)).isEqualTo(ResponseBodyTest.TEXT);
    }

    @Test
    void gzipBombIsCutOffAtTheCap() throws Exception {
        CompletableFuture<String> bombEnd = new CompletableFuture<>();
        site.on("/bomb", (exchange, call) -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            byte[] zeros = new byte[64 * 1024];
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                for (int i = 0; i < 16 * 1024; i++) { // 1 GiB of zeros, about 1 MiB on the wire
                    out.write(zeros);
                }
                bombEnd.complete("sent all");
            } catch (Exception e) {
                bombEnd.complete("client hung up");
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/bomb"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.TOO_LARGE);
        assertThat(bombEnd.get(30, TimeUnit.SECONDS)).isEqualTo("client hung up");
    }

    @Test
    void declaredLengthAboveTheCapIsRefusedBeforeReading() {
        site.page("/big", 200, "application/octet-stream", "x".repeat(2 * 1024 * 1024));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/big"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.TOO_LARGE);
    }

    @Test
    void serverThatTricklesSlowerThanTheReadTimeoutTimesOut() throws Exception {
        assertTricklingTimesOut(1000, 10, Duration.ofMillis(300), Duration.ofSeconds(10));
    }

    @Test
    void serverThatTricklesForeverHitsTheRequestTimeout() throws Exception {
        assertTricklingTimesOut(100, 1000, Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    private void assertTricklingTimesOut(int pauseMillis, int chunks, Duration readTimeout, Duration requestTimeout) throws Exception {
        site.on("/trickle", (exchange, call) -> trickle(exchange, pauseMillis, chunks));
        PoliteFetcher impatient = new PoliteFetcher(FakeSite.properties(true, readTimeout, requestTimeout), "Huiwen/test", null, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> impatient.fetch(FetchRequest.of(site.url("/trickle"))))
                    .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.TIMEOUT);
        } finally {
            impatient.close();
        }
    }

    @Test
    void slowHostDoesNotHoldUpAnotherHost() throws Exception {
        PoliteFetcher patient = new PoliteFetcher(FakeSite.properties(true, Duration.ofSeconds(5), Duration.ofSeconds(10)),
                "Huiwen/test", null, Clock.systemUTC());
        CountDownLatch slowAsked = new CountDownLatch(1);
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        try (FakeSite fast = new FakeSite()) {
            site.on("/slow", (exchange, call) -> {
                slowAsked.countDown();
                slowMayAnswer.await(10, TimeUnit.SECONDS); // the slow host answers only once the fast one has
                FakeSite.reply(exchange, 200, "text/html", "slow".getBytes(UTF_8));
            });
            fast.page("/quick", 200, "text/html", "quick");

            CompletableFuture<Long> slowDone = CompletableFuture.supplyAsync(() -> fetchAndTime(patient, site, "/slow"));
            assertThat(slowAsked.await(10, TimeUnit.SECONDS)).as("the slow page's request is in flight").isTrue();
            long quickDone = fetchAndTime(patient, fast, "/quick");
            assertThat(slowDone).as("the fast host answered while the slow one still held its request").isNotDone();

            slowMayAnswer.countDown();
            assertThat(slowDone.get(20, TimeUnit.SECONDS)).isGreaterThan(quickDone);
        } finally {
            slowMayAnswer.countDown();
            patient.close();
        }
    }

    @Test
    void outcomesAreCountedWithoutAHostTag() throws Exception {
        site.page("/a", 200, "text/html", "a");
        fetcher.fetch(FetchRequest.of(site.url("/a")));
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/missing")))).isInstanceOf(FetchFailure.class);

        assertThat(registry.get("huiwen.fetch.requests").tag("outcome", "ok").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("huiwen.fetch.requests").tag("outcome", "http_404").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("huiwen.fetch.duration").tag("outcome", "ok").timer().count()).isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTagsAsIterable())
                .extracting(t -> t.getKey()).containsOnly("outcome"));
    }

    private static long fetchAndTime(PoliteFetcher fetcher, FakeSite on, String path) {
        try {
            fetcher.fetch(FetchRequest.of(on.url(path)));
            return System.nanoTime();
        } catch (FetchFailure e) {
            throw new IllegalStateException(e);
        }
    }

    private static void trickle(com.sun.net.httpserver.HttpExchange exchange, long pauseMillis, int bytes) throws Exception {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < bytes; i++) {
                out.write('.');
                out.flush();
                Thread.sleep(pauseMillis);
            }
        }
    }
}

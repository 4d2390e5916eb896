package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiwen.HandClock;
import io.huiwen.TestDataDir;
import io.huiwen.collect.FakeSite;
import io.huiwen.collect.FakeSiteExtension;
import io.huiwen.collect.PoliteFetcher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** Image fetches without Spring: when a failure is forgotten, and what happens when fetches queue up. */
class ImageFetchesTest {

    @RegisterExtension
    static final FakeSiteExtension outlet = new FakeSiteExtension();
    final PoliteFetcher fetcher = new PoliteFetcher(FakeSite.properties(), "Huiwen/test", new SimpleMeterRegistry(), Clock.systemUTC());
    final HandClock clock = new HandClock("2026-11-29T08:00:00Z");
    ImageFetches fetches;

    @AfterEach
    void stop() {
        if (fetches != null) {
            fetches.close();
        }
        fetcher.close();
    }

    ImageFetches fetches(int threads, int queue, Duration wait) {
        var props = new ImageProperties(DataSize.ofMegabytes(1), DataSize.ofMegabytes(1), wait, Duration.ofMinutes(10), threads, queue);
        fetches = new ImageFetches(fetcher, new ImageCache(TestDataDir.create("fetches").resolve("images"), 1_000_000), props, clock);
        return fetches;
    }

    @Test
    void aFailureIsAnsweredFromMemoryUntilItsTtlPassesThenTheOutletIsAskedAgain() {
        byte[] png = ImageProxyTest.png(200, 'r');
        outlet.on("/flaky.png", (exchange, call) -> {
            if (call == 1) {
                FakeSite.reply(exchange, 404, "text/plain", new byte[] {'x'});
            } else {
                FakeSite.reply(exchange, 200, "image/png", png);
            }
        });
        ImageFetches images = fetches(2, 10, Duration.ofSeconds(10));
        String src = outlet.url("/flaky.png").toString();

        assertThat(images.image(src, null)).isInstanceOf(ImageFetches.Failed.class);
        clock.advance(Duration.ofMinutes(9));
        assertThat(images.image(src, null)).isInstanceOf(ImageFetches.Failed.class);
        assertThat(outlet.count("/flaky.png")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(images.image(src, null)).isInstanceOfSatisfying(ImageFetches.Found.class, f -> assertThat(f.bytes()).isEqualTo(png));
        assertThat(outlet.count("/flaky.png")).isEqualTo(2);
    }

    @Test
    void whenTheFetchQueueIsFullAReaderIsToldNotYetAndNoFetchIsStarted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        byte[] png = ImageProxyTest.png(200, 'q');
        outlet.on("/busy.png", (exchange, call) -> {
            arrived.countDown();
            release.await(20, TimeUnit.SECONDS);
            FakeSite.reply(exchange, 200, "image/png", png);
        });
        outlet.on("/queued.png", (exchange, call) -> FakeSite.reply(exchange, 200, "image/png", png));
        outlet.on("/refused.png", (exchange, call) -> FakeSite.reply(exchange, 200, "image/png", png));
        ImageFetches images = fetches(1, 1, Duration.ZERO);

        assertThat(images.image(outlet.url("/busy.png").toString(), null)).isInstanceOf(ImageFetches.NotYet.class);
        assertThat(arrived.await(10, TimeUnit.SECONDS)).as("the one fetch thread is busy").isTrue();
        assertThat(images.image(outlet.url("/queued.png").toString(), null)).as("takes the one queue place").isInstanceOf(ImageFetches.NotYet.class);
        assertThat(images.image(outlet.url("/refused.png").toString(), null)).isInstanceOf(ImageFetches.NotYet.class);
        release.countDown();

        assertThat(eventually(() -> images.image(outlet.url("/queued.png").toString(), null))).isInstanceOf(ImageFetches.Found.class);
        assertThat(outlet.count("/refused.png")).as("rejected, not remembered as failed").isZero();
        assertThat(eventually(() -> images.image(outlet.url("/refused.png").toString(), null))).isInstanceOf(ImageFetches.Found.class);
        assertThat(outlet.count("/refused.png")).isEqualTo(1);
    }

    /** Asks until the answer is no longer "not yet", for at most 10 seconds. */
    static ImageFetches.Answer eventually(java.util.function.Supplier<ImageFetches.Answer> ask) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO)
                .until(ask::get, answer -> !(answer instanceof ImageFetches.NotYet));
    }
}

package io.huiwen.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Status codes: conditional GET, retries with backoff and Retry-After, and the failures not retried. */
class PoliteFetcherRetryTest {

    @RegisterExtension
    static final FakeSiteExtension site = new FakeSiteExtension();

    private PoliteFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        fetcher = new PoliteFetcher(FakeSite.properties(), "Huiwen/test (+http://huiwen.test)", null, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @Test
    void sendsOurHeadersAndTheReferer() throws Exception {
        site.page("/a", 200, "text/html; charset=utf-8", "<p>汇闻</p>");

        FetchResponse response = fetcher.fetch(new FetchRequest(site.url("/a"), null, null, "http://list.test/"));

        assertThat(new String(response.body(), UTF_8)).isEqualTo("<p>汇闻</p>");
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        var headers = site.hitsOf("/a").get(0).headers();
        assertThat(headers.getFirst("User-Agent")).isEqualTo("Huiwen/test (+http://huiwen.test)");
        assertThat(headers.getFirst("Accept-Language")).isEqualTo("zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(headers.getFirst("Accept-Encoding")).isEqualTo("gzip, deflate, br");
        assertThat(headers.getFirst("Referer")).isEqualTo("http://list.test/");
        assertThat(headers.getFirst("If-None-Match")).isNull();
    }

    @Test
    void conditionalSecondRequestGetsNotModified() throws Exception {
        site.on("/feed.xml", (exchange, call) -> {
            boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            FakeSite.reply(exchange, same ? 304 : 200, "application/rss+xml", same ? new byte[0] : "<rss/>".getBytes(UTF_8),
                    "ETag", "\"v1\"", "Last-Modified", "Tue, 03 Jun 2025 08:00:00 GMT");
        });
        URI feed = site.url("/feed.xml");

        FetchResponse first = fetcher.fetch(FetchRequest.of(feed));
        FetchResponse second = fetcher.fetch(new FetchRequest(feed, first.etag(), first.lastModified(), null));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo("\"v1\"");
        assertThat(site.hitsOf("/feed.xml").get(1).headers().getFirst("If-Modified-Since"))
                .isEqualTo("Tue, 03 Jun 2025 08:00:00 GMT");
    }

    @Test
    void serverErrorThenSuccessIsRetriedAfterBackoff() throws Exception {
        site.on("/flaky", (exchange, call) -> FakeSite.reply(exchange, call == 1 ? 500 : 200, "text/html",
                (call == 1 ? "oops" : "ok").getBytes(UTF_8)));

        FetchResponse response = fetcher.fetch(FetchRequest.of(site.url("/flaky")));

        assertThat(new String(response.body(), UTF_8)).isEqualTo("ok");
        assertThat(site.hitsOf("/flaky")).hasSize(2);
    }

    @Test
    void persistentServerErrorFailsAfterAllRetriesWithGrowingWaits() {
        site.page("/down", 502, "text/plain", "bad gateway");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/down"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.HTTP_5XX);
        var hits = site.hitsOf("/down");
        assertThat(hits).hasSize(3); // one try and retries=2
        assertThat(Duration.ofNanos(hits.get(2).nanos() - hits.get(1).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() throws Exception {
        site.on("/busy", (exchange, call) -> FakeSite.reply(exchange, call == 1 ? 429 : 200, "text/html",
                "x".getBytes(UTF_8), "Retry-After", "1"));

        assertThat(fetcher.fetch(FetchRequest.of(site.url("/busy"))).status()).isEqualTo(200);

        var hits = site.hitsOf("/busy");
        assertThat(hits).hasSize(2);
        assertThat(Duration.ofNanos(hits.get(1).nanos() - hits.get(0).nanos())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterBeyondTheLimitIsReportedNotSleptThrough() {
        site.on("/later", (exchange, call) -> FakeSite.reply(exchange, 503, "text/plain", "x".getBytes(UTF_8),
                "Retry-After", "3600"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/later"))))
                .isInstanceOfSatisfying(FetchFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(FetchFailureReason.HTTP_5XX);
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofHours(1));
                });
        assertThat(site.hitsOf("/later")).hasSize(1);
    }

    @Test
    void notFoundIsNotRetried() {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/gone"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.HTTP_404);
        assertThat(site.targets()).containsExactly("/robots.txt", "/gone");
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        site.page("/members", 403, "text/plain", "forbidden");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/members"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.HTTP_4XX);
        assertThat(site.hitsOf("/members")).hasSize(1);
    }

    @Test
    void unreachableHostIsDeferredBecauseItsRobotsCannotBeRead() throws Exception {
        int port;
        try (FakeSite gone = new FakeSite()) {
            port = gone.port();
        }
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(URI.create("http://127.0.0.1:" + port + "/a"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.ROBOTS_UNAVAILABLE);
    }

    @Test
    void hostThatGoesAwayAfterRobotsIsAConnectFailure() throws Exception {
        URI page;
        try (FakeSite brief = new FakeSite()) {
            brief.page("/a", 200, "text/html", "a");
            page = brief.url("/a");
            fetcher.fetch(FetchRequest.of(page));
        }
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(page)))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.CONNECT_FAILED);
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** robots.txt and the pause between requests to one host. */
class PoliteFetcherRobotsTest {

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
    void disallowedPathIsNeverRequested() throws Exception {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n")
                .page("/private/a.html", 200, "text/html", "secret")
                .page("/news/1.html", 200, "text/html", "<p>新闻</p>");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/private/a.html"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.ROBOTS_DISALLOWED);
        assertThat(fetcher.fetch(FetchRequest.of(site.url("/news/1.html"))).status()).isEqualTo(200);

        assertThat(site.targets()).containsExactly("/robots.txt", "/news/1.html");
    }

    @Test
    void rulesForOurAgentNameApply() throws Exception {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nAllow: /\n\nUser-agent: Huiwen\nDisallow: /\n");

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/a"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.ROBOTS_DISALLOWED);
        assertThat(site.targets()).containsExactly("/robots.txt");
    }

    @Test
    void crawlDelaySpacesRequestsToTheHost() throws Exception {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 1\n")
                .page("/a", 200, "text/html", "a")
                .page("/b", 200, "text/html", "b");

        fetcher.fetch(FetchRequest.of(site.url("/a")));
        fetcher.fetch(FetchRequest.of(site.url("/b")));

        long gap = site.hitsOf("/b").get(0).nanos() - site.hitsOf("/a").get(0).nanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void crawlDelayAboveTheLimitIsCappedNotObeyedOrTreatedAsDisallow() throws Exception {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nCrawl-delay: 3600\n").page("/a", 200, "text/html", "a");

        assertThat(fetcher.fetch(FetchRequest.of(site.url("/a"))).status()).isEqualTo(200);
        long gap = site.hitsOf("/a").get(0).nanos() - site.hitsOf("/robots.txt").get(0).nanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofSeconds(2)); // maxCrawlDelay in the test properties
    }

    @Test
    void concurrentFetchesFromOneHostAreSerialisedAndSpaced() throws Exception {
        for (String path : List.of("/1", "/2", "/3", "/4")) {
            site.page(path, 200, "text/html", path);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FetchResponse>> results = pool.invokeAll(List.of("/1", "/2", "/3", "/4").stream()
                    .map(p -> (Callable<FetchResponse>) () -> fetcher.fetch(FetchRequest.of(site.url(p))))
                    .toList());
            for (Future<FetchResponse> result : results) {
                assertThat(result.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<FakeSite.Hit> hits = site.hits();
        assertThat(site.targets()).hasSize(5).startsWith("/robots.txt"); // robots.txt read once
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Duration.ofNanos(hits.get(i).nanos() - hits.get(i - 1).nanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void robotsServerErrorDefersTheWholeHost() throws Exception {
        site.page("/robots.txt", 503, "text/plain", "down").page("/a", 200, "text/html", "a");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/a"))))
                    .isInstanceOfSatisfying(FetchFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(FetchFailureReason.ROBOTS_UNAVAILABLE);
                        assertThat(f.retryAfter()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
                    });
        }
        assertThat(site.targets()).containsExactly("/robots.txt");
    }

    @Test
    void missingRobotsAllowsEverything() throws Exception {
        site.page("/robots.txt", 404, "text/plain", "none").page("/a", 200, "text/html", "a");

        assertThat(fetcher.fetch(FetchRequest.of(site.url("/a"))).status()).isEqualTo(200);
        assertThat(site.targets()).containsExactly("/robots.txt", "/a");
    }

    @Test
    void robotsIsCachedPerSite() throws Exception {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /x\n").page("/a", 200, "text/html", "a");

        fetcher.fetch(FetchRequest.of(site.url("/a")));
        fetcher.fetch(FetchRequest.of(site.url("/a?page=2")));

        assertThat(site.targets()).containsExactly("/robots.txt", "/a", "/a?page=2");
    }
}

package io.huiwen.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiwen.HandClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private final HandClock clock = new HandClock("2025-06-03T08:00:00Z");
    private final List<URI> loads = new ArrayList<>();
    private final Deadline deadline = Deadline.after(Duration.ofSeconds(10));

    private RobotsRules answering(int status, String body) {
        return new RobotsRules(clock, (url, d) -> {
            loads.add(url);
            return new RobotsRules.Answer(url, status, "text/plain", body.getBytes(UTF_8));
        });
    }

    @Test
    void robotsUrlIsAtTheSiteRoot() throws Exception {
        assertThat(RobotsRules.robotsUrl(URI.create("HTTPS://News.Example.com:8443/a/b?c=d")))
                .isEqualTo(URI.create("https://news.example.com:8443/robots.txt"));
    }

    @Test
    void rulesAreCachedForAnHourPerSite() throws Exception {
        RobotsRules robots = answering(200, "User-agent: *\nDisallow: /x\nCrawl-delay: 2\n");

        assertThat(robots.rulesFor(URI.create("http://a.test/x/1"), deadline).isAllowed("http://a.test/x/1")).isFalse();
        robots.rulesFor(URI.create("http://a.test/y"), deadline);
        assertThat(RobotsRules.crawlDelay(robots.rulesFor(URI.create("http://a.test/"), deadline))).isEqualTo(Duration.ofSeconds(2));
        robots.rulesFor(URI.create("https://a.test/"), deadline); // another scheme is another site
        clock.advance(Duration.ofMinutes(61));
        robots.rulesFor(URI.create("http://a.test/"), deadline);

        assertThat(loads).extracting(URI::toString)
                .containsExactly("http://a.test/robots.txt", "https://a.test/robots.txt", "http://a.test/robots.txt");
    }

    @Test
    void clientErrorAllowsAll() throws Exception {
        RobotsRules robots = answering(403, "no");
        assertThat(robots.rulesFor(URI.create("http://a.test/x"), deadline).isAllowAll()).isTrue();
        assertThat(RobotsRules.crawlDelay(robots.rulesFor(URI.create("http://a.test/x"), deadline))).isNull();
    }

    @Test
    void serverErrorDefersTheSiteForTenMinutesThenAsksAgain() throws Exception {
        RobotsRules robots = answering(500, "");

        for (int minute : new int[] {0, 4, 9}) {
            clock.set("2025-06-03T08:00:00Z");
            clock.advance(Duration.ofMinutes(minute));
            assertThatThrownBy(() -> robots.rulesFor(URI.create("http://a.test/x"), deadline))
                    .isInstanceOfSatisfying(FetchFailure.class, f -> {
                        assertThat(f.reason()).isEqualTo(FetchFailureReason.ROBOTS_UNAVAILABLE);
                        assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(10 - minute));
                    });
        }
        assertThat(loads).hasSize(1);
        clock.set("2025-06-03T08:10:00Z");
        assertThatThrownBy(() -> robots.rulesFor(URI.create("http://a.test/x"), deadline)).isInstanceOf(FetchFailure.class);
        assertThat(loads).hasSize(2);
    }

    @Test
    void unreachableSiteIsDeferredButEndlessRedirectsAllowAll() throws Exception {
        RobotsRules unreachable = new RobotsRules(clock, (url, d) -> {
            throw new FetchFailure(FetchFailureReason.CONNECT_FAILED, "refused");
        });
        assertThatThrownBy(() -> unreachable.rulesFor(URI.create("http://a.test/"), deadline))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.ROBOTS_UNAVAILABLE);

        RobotsRules looping = new RobotsRules(clock, (url, d) -> {
            throw new FetchFailure(FetchFailureReason.TOO_MANY_REDIRECTS, "loop");
        });
        assertThat(looping.rulesFor(URI.create("http://a.test/"), deadline).isAllowAll()).isTrue();
    }
}

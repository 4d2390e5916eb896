package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HandClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Who counts as a reader, and how often: an address once per article per hour and at most a few
 * views an hour in all, whatever user agent it sends; bots never.
 */
class ViewCounterTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    final HandClock clock = new HandClock("2026-11-28T08:10:00Z");
    static final int PER_ADDRESS = 5;
    final ViewCounter counter = new ViewCounter(null, clock, null, PER_ADDRESS);

    @Test
    void aReaderCountsOncePerArticlePerHour() {
        assertThat(counter.count(1, "203.0.113.7", BROWSER)).isTrue();
        assertThat(counter.count(1, "203.0.113.7", BROWSER)).as("a reload").isFalse();
        assertThat(counter.count(2, "203.0.113.7", BROWSER)).as("another article").isTrue();
        clock.advance(Duration.ofMinutes(45)); // 08:55, the same hour
        assertThat(counter.count(1, "203.0.113.7", BROWSER)).isFalse();
        clock.advance(Duration.ofMinutes(10)); // 09:05
        assertThat(counter.count(1, "203.0.113.7", BROWSER)).as("the next hour").isTrue();
    }

    @Test
    void anotherUserAgentFromTheSameAddressIsNotAnotherReader() {
        assertThat(counter.count(1, "198.51.100.1", BROWSER)).isTrue();
        for (int i = 0; i < 200; i++) {
            assertThat(counter.count(1, "198.51.100.1", BROWSER.replace("Chrome/130.0", "Chrome/" + i + ".0"))).isFalse();
        }
        assertThat(counter.count(1, "198.51.100.2", BROWSER)).as("another address").isTrue();
    }

    @Test
    void oneAddressAddsAtMostItsHourlyViewsOverAllArticles() {
        for (long article = 1; article <= PER_ADDRESS; article++) {
            assertThat(counter.count(article, "203.0.113.50", BROWSER)).as("article %d", article).isTrue();
        }
        assertThat(counter.count(PER_ADDRESS + 1, "203.0.113.50", BROWSER)).as("over the address's views for the hour").isFalse();
        assertThat(counter.count(PER_ADDRESS + 1, "203.0.113.51", BROWSER)).as("another address").isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(counter.count(PER_ADDRESS + 1, "203.0.113.50", BROWSER)).as("the next hour").isTrue();
    }

    @Test
    void anIpv6SubscriberIsOneReaderAcrossItsSlash64() {
        assertThat(counter.count(1, "2001:db8:1:2::1", BROWSER)).isTrue();
        assertThat(counter.count(1, "2001:db8:1:2:ffff:ffff:ffff:7", BROWSER)).as("same /64").isFalse();
        assertThat(counter.count(1, "2001:db8:1:3::1", BROWSER)).as("another /64").isTrue();
        assertThat(counter.count(2, "::ffff:192.0.2.9", BROWSER)).isTrue();
        assertThat(counter.count(2, "192.0.2.9", BROWSER)).as("an IPv4-mapped address is the IPv4 one").isFalse();
    }

    @Test
    void crawlersAndScriptsNeverCount() {
        assertThat(counter.count(1, "66.249.66.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "curl/8.5.0")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "python-requests/2.32")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "Mozilla/5.0 HeadlessChrome/130.0")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", null)).isFalse();
        assertThat(counter.count(2, "66.249.66.2", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .as("a crawler already seen, judged again from memory").isFalse();
        assertThat(counter.count(1, "10.0.0.1", BROWSER)).as("the browser from the same address").isTrue();
        assertThat(counter.count(1, "10.0.0.2", BROWSER)).as("a browser already seen, from another address").isTrue();
    }

    @Test
    void aFloodOfMadeUpUserAgentsStillLeavesBotsOut() {
        for (int i = 0; i <= ViewCounter.MAX_USER_AGENTS + 10; i++) {
            counter.count(1, "198.51.100.9", "Mozilla/5.0 flood " + i);
        }
        assertThat(counter.count(3, "203.0.113.77", "curl/8.5.0")).isFalse();
        assertThat(counter.count(3, "203.0.113.77", BROWSER)).isTrue();
    }

    @Test
    void aNewDaysSaltStillCountsAReaderOncePerHour() {
        clock.set("2026-11-28T23:59:00Z");
        assertThat(counter.count(1, "203.0.113.9", BROWSER)).isTrue();
        clock.set("2026-11-29T00:01:00Z");
        assertThat(counter.count(1, "203.0.113.9", BROWSER)).as("a new hour and a new salt").isTrue();
        assertThat(counter.count(1, "203.0.113.9", BROWSER)).isFalse();
    }
}

package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HandClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who counts as a reader, and how often: once per article per hour, bots never. */
class ViewCounterTest {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    final HandClock clock = new HandClock("2026-11-28T08:10:00Z");
    final ViewCounter counter = new ViewCounter(null, clock, null);

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
    void readersBehindOneAddressAreToldApartByTheirBrowsers() {
        assertThat(counter.count(1, "198.51.100.1", BROWSER)).isTrue();
        assertThat(counter.count(1, "198.51.100.1", BROWSER.replace("Chrome/130.0", "Firefox/128.0"))).isTrue();
        assertThat(counter.count(1, "198.51.100.2", BROWSER)).isTrue();
    }

    @Test
    void crawlersAndScriptsNeverCount() {
        assertThat(counter.count(1, "66.249.66.1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "curl/8.5.0")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "python-requests/2.32")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "Mozilla/5.0 HeadlessChrome/130.0")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", "")).isFalse();
        assertThat(counter.count(1, "10.0.0.1", null)).isFalse();
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

package io.huiwen.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirects are followed by us, hop by hop, each hop checked like the first. */
class PoliteFetcherRedirectTest {

    @RegisterExtension
    static final FakeSiteExtension site = new FakeSiteExtension();

    private PoliteFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        fetcher = new PoliteFetcher(FakeSite.properties(), "Huiwen/test", null, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        fetcher.close();
    }

    @Test
    void relativeLocationIsResolvedAndTheFinalUrlReported() throws Exception {
        site.on("/old/a", (exchange, call) -> FakeSite.reply(exchange, 301, null, new byte[0], "Location", "../new/a?x=1"))
                .page("/new/a", 200, "text/html", "moved here");

        FetchResponse response = fetcher.fetch(FetchRequest.of(site.url("/old/a")));

        assertThat(response.url()).isEqualTo(site.url("/new/a?x=1"));
        assertThat(new String(response.body(), UTF_8)).isEqualTo("moved here");
    }

    @Test
    void tooManyRedirectsFail() {
        site.on("/loop", (exchange, call) -> FakeSite.reply(exchange, 302, null, new byte[0], "Location", "/loop?n=" + call));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/loop"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.TOO_MANY_REDIRECTS);
        assertThat(site.targets()).containsExactly("/robots.txt", "/loop", "/loop?n=1", "/loop?n=2", "/loop?n=3");
    }

    @Test
    void redirectHopsAreSpacedLikeAnyOtherRequest() throws Exception {
        site.on("/a", (exchange, call) -> FakeSite.reply(exchange, 307, null, new byte[0], "Location", "/b"))
                .page("/b", 200, "text/html", "b");

        fetcher.fetch(FetchRequest.of(site.url("/a")));

        long gap = site.hitsOf("/b").get(0).nanos() - site.hitsOf("/a").get(0).nanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void redirectIntoARobotsDisallowedPathIsNotFollowed() {
        site.page("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /admin\n")
                .on("/a", (exchange, call) -> FakeSite.reply(exchange, 302, null, new byte[0], "Location", "/admin/x"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/a"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.ROBOTS_DISALLOWED);
        assertThat(site.targets()).containsExactly("/robots.txt", "/a");
    }

    @Test
    void privateStartAddressIsRefusedWithoutAnyRequest() {
        PoliteFetcher strict = new PoliteFetcher(
                FakeSite.properties(false, Duration.ofSeconds(2), Duration.ofSeconds(10)), "Huiwen/test", null, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> strict.fetch(FetchRequest.of(site.url("/a"))))
                    .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BLOCKED_ADDRESS);
        } finally {
            strict.close();
        }
        assertThat(site.hits()).isEmpty();
    }

    /**
     * The fake site is on loopback, so to reach it with private hosts refused, the test resolver
     * pretends 127.0.0.1 is a public address; every other name resolves honestly. The site then
     * redirects inward, and that hop must be refused before any connection.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[::1]:PORT/inside", "http://localhost:PORT/inside",
            "http://127.0.0.2:PORT/inside", "http://10.0.0.1/", "http://[fd00:ec2::254]/", "http://metadata.google.internal/"})
    void redirectToAnInternalAddressIsRefused(String target) {
        String location = target.replace("PORT", String.valueOf(site.port()));
        site.on("/out", (exchange, call) -> FakeSite.reply(exchange, 302, null, new byte[0], "Location", location));
        AddressGuard.HostResolver lying = host -> host.equals("127.0.0.1")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 216, 34})}
                : InetAddress.getAllByName(host);
        PoliteFetcher strict = new PoliteFetcher(FakeSite.properties(false, Duration.ofSeconds(2), Duration.ofSeconds(10)),
                "Huiwen/test", null, Clock.systemUTC(), lying);
        try {
            assertThatThrownBy(() -> strict.fetch(FetchRequest.of(site.url("/out"))))
                    .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BLOCKED_ADDRESS);
        } finally {
            strict.close();
        }
        assertThat(site.targets()).containsExactly("/robots.txt", "/out");
    }

    @Test
    void redirectToAnotherSchemeIsABadUrl() {
        site.on("/a", (exchange, call) -> FakeSite.reply(exchange, 302, null, new byte[0], "Location", "file:///etc/passwd"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(site.url("/a"))))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BAD_URL);
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.huiwen.collect.SitemapReader.Sitemap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SitemapReaderTest {

    private static final URI SITEMAP = URI.create("https://www.qingshi.example.cn/sitemap.xml");
    private static final List<String> NEWEST_FIRST = List.of(
            "https://www.qingshi.example.cn/2024/05/12/newest.html",
            "https://www.qingshi.example.cn/2024/05/11/middle.html",
            "https://www.qingshi.example.cn/2024/05/10/old.html",
            "https://www.qingshi.example.cn/about/contact.html");

    private final SitemapReader reader = new SitemapReader();

    static Stream<Arguments> urlsets() throws IOException {
        byte[] xml = Fixtures.bytes("sitemap-urlset.xml");
        return Stream.of(
                Arguments.of("xml", xml, "application/xml"),
                Arguments.of("xml with charset parameter", xml, "text/xml; charset=UTF-8"),
                Arguments.of("xml sent as text/plain", xml, "text/plain"),
                Arguments.of("xml without content type", xml, null),
                Arguments.of("gzipped xml", gzip(xml), "application/x-gzip"),
                Arguments.of("gzipped xml sent as octet-stream", gzip(xml), "application/octet-stream"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urlsets")
    void urlsetGivesArticlesNewestFirst(String name, byte[] body, String contentType) throws Exception {
        Sitemap sitemap = reader.read(body, SITEMAP, contentType, 100);
        assertThat(sitemap.articles()).extracting(a -> a.url().toString()).containsExactlyElementsOf(NEWEST_FIRST);
        assertThat(sitemap.articles()).as("a <lastmod> orders the links and never dates them, issue 17")
                .allMatch(a -> a.published() == null);
        assertThat(sitemap.articles().get(0).lastModified()).isEqualTo(Instant.parse("2024-05-12T01:30:00Z"));
        assertThat(sitemap.articles().get(3).lastModified()).isNull();
        assertThat(sitemap.childSitemaps()).isEmpty();
    }

    @Test
    void cappedSitemapKeepsTheNewest() throws Exception {
        Sitemap sitemap = reader.read(Fixtures.bytes("sitemap-urlset.xml"), SITEMAP, "application/xml", 2);
        assertThat(sitemap.articles()).extracting(a -> a.url().toString()).containsExactlyElementsOf(NEWEST_FIRST.subList(0, 2));
    }

    @Test
    void textSitemapListsOneUrlPerLine() throws Exception {
        byte[] text = "https://www.qingshi.example.cn/2024/05/12/a.html\n\nhttps://www.qingshi.example.cn/2024/05/12/b.html\n"
                .getBytes(StandardCharsets.UTF_8);
        Sitemap sitemap = reader.read(text, URI.create("https://www.qingshi.example.cn/sitemap.txt"), "text/plain", 10);
        assertThat(sitemap.articles()).extracting(a -> a.url().toString()).containsExactly(
                "https://www.qingshi.example.cn/2024/05/12/a.html", "https://www.qingshi.example.cn/2024/05/12/b.html");
    }

    @Test
    void sitemapIndexGivesChildSitemaps() throws Exception {
        Sitemap sitemap = reader.read(Fixtures.bytes("sitemap-index.xml"), SITEMAP, "application/xml", 100);
        assertThat(sitemap.articles()).isEmpty();
        assertThat(sitemap.childSitemaps()).extracting(URI::toString).containsExactlyInAnyOrder(
                "https://www.qingshi.example.cn/sitemaps/news-2024-05.xml",
                "https://www.qingshi.example.cn/sitemaps/news-2024-04.xml.gz",
                "https://www.qingshi.example.cn/sitemaps/pages.xml");
    }

    @Test
    void newsSitemapGivesTitleAndPublicationDate() throws Exception {
        Sitemap sitemap = reader.read(Fixtures.bytes("news-sitemap.xml"), URI.create("https://www.qingshi.example.cn/news-sitemap.xml"),
                "application/xml", 100);
        assertThat(sitemap.articles()).containsExactly(
                new DiscoveredItem(URI.create("https://www.qingshi.example.cn/2024/05/12/harvest.html"), "早稻插秧比去年提前一周完成",
                        Instant.parse("2024-05-12T00:00:00Z"), null, null, Instant.parse("2024-05-12T02:00:00Z")),
                new DiscoveredItem(URI.create("https://www.qingshi.example.cn/2024/05/12/metro.html"), "地铁三号线延长运营时间",
                        Instant.parse("2024-05-11T23:00:00Z"), null, null));
    }

    static Stream<Arguments> notSitemaps() {
        return Stream.of(
                Arguments.of("empty", new byte[0], null),
                Arguments.of("html page", Fixtures.bytes("not-a-feed.html"), "text/html"),
                Arguments.of("json", "{\"urls\": []}".getBytes(StandardCharsets.UTF_8), "application/json"),
                Arguments.of("truncated xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://www.qingshi.example.cn/a"
                        .getBytes(StandardCharsets.UTF_8), "application/xml"),
                Arguments.of("broken gzip", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, "application/gzip"),
                Arguments.of("billion laughs", Fixtures.bytes("billion-laughs-sitemap.xml"), "application/xml"),
                Arguments.of("xxe", Fixtures.bytes("xxe-sitemap.xml"), "application/xml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSitemaps")
    void inputThatIsNotASitemapIsBadFeed(String name, byte[] body, String contentType) throws Throwable {
        FetchFailure failure = catchThrowableOfType(FetchFailure.class,
                () -> Fixtures.guarded(() -> reader.read(body, SITEMAP, contentType, 10)));
        assertThat(failure).as(name).isNotNull();
        assertThat(failure.reason()).isEqualTo(FetchFailureReason.BAD_FEED);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("root:");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"billion-laughs-sitemap.xml", "xxe-sitemap.xml"})
    void doctypeIsRefusedBeforeAnyEntityIsDeclared(String fixture) {
        assertThatThrownBy(() -> reader.read(Fixtures.bytes(fixture), SITEMAP, "application/xml", 10))
                .isInstanceOf(FetchFailure.class).hasMessageContaining("DOCTYPE is disallowed");
    }

    @Test
    void gzipThatInflatesBeyondTheLimitIsRefused() throws IOException {
        byte[] bomb = gzip(new byte[2 * 1024 * 1024]);
        assertThatThrownBy(() -> new SitemapReader(1024 * 1024).read(bomb, URI.create("https://www.qingshi.example.cn/s.xml.gz"),
                "application/gzip", 10))
                .isInstanceOf(FetchFailure.class).hasMessageContaining("larger than");
    }

    @Test
    void robotsTxtSitemapLinesAreResolvedAndDeduplicated() {
        String robots = new String(Fixtures.bytes("robots.txt"), StandardCharsets.UTF_8);
        assertThat(SitemapReader.sitemapsInRobots(robots, URI.create("https://www.qingshi.example.cn/")))
                .extracting(URI::toString).containsExactly(
                        "https://www.qingshi.example.cn/sitemap-index.xml",
                        "https://www.qingshi.example.cn/sitemaps/news.xml");
    }

    @Test
    void robotsTxtWithoutSitemapsGivesNone() {
        assertThat(SitemapReader.sitemapsInRobots("User-agent: *\nDisallow:\n", URI.create("https://www.qingshi.example.cn/"))).isEmpty();
        assertThat(SitemapReader.sitemapsInRobots("", URI.create("https://www.qingshi.example.cn/"))).isEmpty();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}

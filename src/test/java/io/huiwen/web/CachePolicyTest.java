package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.web.CachePolicy.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which responses may be kept, by whom and for how long; how a page is told apart from its gzip form. */
class CachePolicyTest {

    final CachePolicy policy = new CachePolicy(PageCacheProperties.defaults());

    @ParameterizedTest
    @CsvSource({
            "GET, /, PAGE", "GET, /c/keji, PAGE", "GET, /a/42, PAGE", "HEAD, /a/42, PAGE", "GET, /t/%E6%9C%BA, PAGE",
            "GET, /feed.xml, FEED", "GET, /atom.xml, FEED", "GET, /c/keji/feed.xml, FEED", "GET, /sitemap.xml, FEED",
            "GET, /sitemap-news.xml, FEED", "GET, /robots.txt, FEED", "GET, /favicon.ico, ASSET", "GET, /favicon.svg, ASSET",
            "GET, /search, SEARCH", "GET, /css/site.css, ASSET", "GET, /css/site-0123456789abcdef0123456789abcdef.css, VERSIONED_ASSET",
            "POST, /a/42, OTHER", "GET, /a/42/edit, OTHER", "GET, /a/x, OTHER", "GET, /a/42;jsessionid=1, OTHER",
            "GET, /admin, OTHER", "GET, /login, OTHER", "GET, /api/v1/latest, OTHER", "GET, /actuator/health, OTHER", "GET, /img/1, OTHER"})
    void kindOfEachAddress(String method, String path, Kind kind) {
        assertThat(CachePolicy.kindOf(method, path)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PAGE            | false | 200 | public, max-age=60, stale-while-revalidate=60",
            "PAGE            | false | 304 | public, max-age=60, stale-while-revalidate=60",
            "PAGE            | true  | 200 | private, no-store",
            "PAGE            | false | 404 | no-store",
            "PAGE            | false | 302 | no-store",
            "FEED            | false | 200 | public, max-age=300, stale-while-revalidate=60",
            "FEED            | true  | 200 | private, no-store",
            "SEARCH          | false | 200 | public, max-age=30",
            "SEARCH          | true  | 200 | private, no-store",
            "SEARCH          | false | 503 | no-store",
            "VERSIONED_ASSET | false | 200 | public, max-age=31536000, immutable",
            "VERSIONED_ASSET | true  | 200 | public, max-age=31536000, immutable",
            "VERSIONED_ASSET | false | 404 | no-store",
            "ASSET           | false | 200 | public, max-age=60"})
    void cacheControlOfEachKind(Kind kind, boolean personal, int status, String expected) {
        assertThat(policy.cacheControl(kind, personal, status)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gzip, deflate, br | true", "br;q=1.0, gzip;q=0.8 | true", "GZIP | true", "* | true",
            "gzip;q=0 | false", "gzip; q=0.0 | false", "deflate | false", "identity | false", "'' | false",
            "'deflate,  x-gzip ' | true", "gzip ;q=0, * | true", "'gzip;q=0,' | false", "gzipped, bgzip | false", "br;q=0.9, gzip ; Q = 0 | false"})
    void acceptEncodingTakesGzip(String header, boolean gzip) {
        assertThat(AcceptEncoding.gzip(header)).isEqualTo(gzip);
    }

    @Test
    void theTwoEncodingsOfAPageHaveTheirOwnTagsAndEitherMatches() {
        byte[] html = "<html><body>".concat("新闻正文".repeat(200)).concat("</body></html>").getBytes(StandardCharsets.UTF_8);
        RenderedPage page = RenderedPage.of("text/html;charset=UTF-8", List.of(Map.entry("X-Frame-Options", "DENY")), "public", html);
        assertThat(page.gzip()).isNotNull().hasSizeLessThan(html.length / 4);
        assertThat(page.etag()).isNotEqualTo(page.gzipEtag());
        assertThat(page.matches(page.etag())).isTrue();
        assertThat(page.matches("\"other\", W/" + page.gzipEtag())).isTrue();
        assertThat(page.matches("*")).isTrue();
        assertThat(page.matches("\"other\"")).isFalse();
        assertThat(page.matches(null)).isFalse();
        assertThat(RenderedPage.of("text/html", List.of(), "public", "<p>短</p>".getBytes(StandardCharsets.UTF_8)).gzip())
                .as("too short to gain from gzip").isNull();
    }
}

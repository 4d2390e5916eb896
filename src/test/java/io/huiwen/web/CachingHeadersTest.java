package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a browser, nginx or a CDN is told it may keep, over real HTTP (Tomcat's compression and error
 * pages included): anonymous pages, feeds and search briefly and publicly, with entity tags and 304s;
 * hashed static files for a year; anything with a session, the admin, the login, API writes and errors never.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
class CachingHeadersTest {

    static final Path DATA = TestDataDir.create("caching-headers");
    static final String PAGE = "public, max-age=60, stale-while-revalidate=60";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired PageCache cache;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", DemoSite.BROWSER);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void anAnonymousPageIsPublicForAMinuteWithAnEntityTag() throws Exception {
        get("/c/keji");
        HttpResponse<byte[]> page = get("/c/keji");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Cache-Control")).isEqualTo(PAGE);
        assertThat(header(page, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(page, "ETag")).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(header(page, "X-Cache")).isEqualTo("HIT");
        assertThat(header(page, "Set-Cookie")).isNull();
        assertThat(header(page, "Pragma")).isNull();
        assertThat(header(page, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(page, "Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(Long.parseLong(header(page, "Content-Length"))).isEqualTo(page.body().length);
    }

    /** A hit is answered before Spring Security's chain runs: it must still say all that the rendered page said. */
    @Test
    void aPageFromTheCacheCarriesEveryHeaderOfThePageAsRendered() throws Exception {
        for (String encoding : new String[] {"identity", "gzip"}) {
            cache.forgetAll();
            HttpResponse<byte[]> rendered = get("/", "Accept-Encoding", encoding);
            HttpResponse<byte[]> kept = get("/", "Accept-Encoding", encoding);
            assertThat(header(rendered, "X-Cache")).isEqualTo("MISS");
            assertThat(header(kept, "X-Cache")).isEqualTo("HIT");
            assertThat(headersBut(kept, "date", "x-cache")).as(encoding).isEqualTo(headersBut(rendered, "date", "x-cache"))
                    .containsKeys("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy",
                            "permissions-policy", "content-language", "etag", "cache-control", "vary");
            assertThat(kept.body()).isEqualTo(rendered.body());
        }
    }

    /**
     * Hits are written with headers Tomcat is handed already in bytes, into header fields it pools and
     * reuses from one answer to the next on a connection: every hit must still read exactly as the
     * first, however the answers before it (a 304, the other encoding, a page rendered, a longer
     * Content-Length) left those fields.
     */
    @Test
    void hitAfterHitOnOneConnectionSaysTheSameHeaders() throws Exception {
        Map<String, Map<String, List<String>>> first = new TreeMap<>();
        for (int round = 0; round < 6; round++) {
            for (String path : new String[] {"/", "/c/keji", "/feed.xml"}) {
                for (String encoding : new String[] {"gzip", "identity"}) {
                    HttpResponse<byte[]> hit = get(path, "Accept-Encoding", encoding);
                    if (!"HIT".equals(header(hit, "X-Cache"))) {
                        continue; // rendered just now
                    }
                    Map<String, List<String>> headers = headersBut(hit, "date");
                    assertThat(headers).as(path + " " + encoding + " round " + round)
                            .isEqualTo(first.computeIfAbsent(path + " " + encoding, k -> headers));
                    assertThat(Long.parseLong(header(hit, "Content-Length"))).isEqualTo(hit.body().length);
                    assertThat(get(path, "Accept-Encoding", encoding, "If-None-Match", header(hit, "ETag")).statusCode()).isEqualTo(304);
                }
            }
            for (String other : new String[] {"/a/999999", "/api/v1/latest?size=1", "/favicon.svg", "/login"}) {
                get(other, "Accept-Encoding", "gzip"); // answers of other lengths and other headers in between
            }
            if (round == 2) {
                cache.forgetAll();
            }
        }
        assertThat(first).hasSize(6);
        assertThat(first.get("/ gzip")).containsEntry("content-encoding", List.of("gzip"))
                .containsEntry("content-security-policy", List.of(SecurityHeaders.CONTENT_SECURITY_POLICY));
        assertThat(first.get("/ identity")).doesNotContainKey("content-encoding")
                .containsEntry("permissions-policy", List.of(SecurityHeaders.PERMISSIONS_POLICY));
    }

    static Map<String, List<String>> headersBut(HttpResponse<?> response, String... left) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        for (String name : left) {
            headers.remove(name);
        }
        return headers;
    }

    @Test
    void aMatchingEntityTagIsAnsweredNotModified() throws Exception {
        String etag = header(get("/"), "ETag");
        HttpResponse<byte[]> again = get("/", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(header(again, "Cache-Control")).isEqualTo(PAGE);
        assertThat(get("/", "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
    }

    @Test
    void gzipIsSentToWhoeverTakesItAndIsItsOwnRepresentation() throws Exception {
        byte[] plain = get("/").body();
        HttpResponse<byte[]> zipped = get("/", "Accept-Encoding", "gzip, deflate, br");
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.body().length).isLessThan(plain.length / 2);
        assertThat(gunzip(zipped.body())).isEqualTo(plain);
        assertThat(header(zipped, "ETag")).endsWith("-gz\"");
        assertThat(get("/", "Accept-Encoding", "gzip", "If-None-Match", header(zipped, "ETag")).statusCode()).isEqualTo(304);
        assertThat(header(get("/", "Accept-Encoding", "gzip;q=0"), "Content-Encoding")).isNull();
        HttpResponse<byte[]> feed = get("/feed.xml", "Accept-Encoding", "gzip");
        assertThat(header(feed, "Content-Encoding")).isEqualTo("gzip");
        assertThat(new String(gunzip(feed.body()), StandardCharsets.UTF_8)).contains("<rss");
    }

    @Test
    void feedsAndTheSitemapAreKeptLonger() throws Exception {
        for (String path : new String[] {"/feed.xml", "/atom.xml", "/c/keji/feed.xml", "/sitemap.xml"}) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(header(r, "Cache-Control")).as(path).isEqualTo("public, max-age=300, stale-while-revalidate=60");
            assertThat(header(r, "ETag")).as(path).isNotNull();
        }
    }

    @Test
    void aPageAskedWithASessionIsPrivateAndNotFromTheCache() throws Exception {
        String session = header(get("/login"), "Set-Cookie");
        assertThat(session).startsWith("SESSION=");
        String cookie = session.substring(0, session.indexOf(';'));
        get("/c/caijing");
        HttpResponse<byte[]> page = get("/c/caijing", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Cache-Control")).isEqualTo("private, no-store");
        assertThat(header(page, "X-Cache")).isNull();
        assertThat(header(page, "ETag")).isNull();
        assertThat(header(get("/search?q=机器人".replace("机器人", "%E6%9C%BA%E5%99%A8%E4%BA%BA"), "Cookie", cookie), "Cache-Control"))
                .isEqualTo("private, no-store");
        HttpResponse<byte[]> basic = get("/c/caijing", "Authorization", BASIC);
        assertThat(header(basic, "Cache-Control")).isEqualTo("private, no-store");
        assertThat(header(basic, "X-Cache")).isNull();
    }

    @Test
    void theAdminTheLoginAndApiWritesAreNeverStored() throws Exception {
        assertThat(header(get("/admin", "Authorization", BASIC), "Cache-Control")).contains("no-store");
        assertThat(header(get("/admin"), "Cache-Control")).contains("no-store");
        assertThat(header(get("/login"), "Cache-Control")).contains("no-store");
        HttpResponse<byte[]> write = send("POST", "/api/v1/articles/1/publish", "Authorization", BASIC);
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(header(write, "Cache-Control")).contains("no-store");
        assertThat(header(get("/actuator/health"), "Cache-Control")).contains("no-store");
    }

    @Test
    void searchIsPublicForHalfAMinute() throws Exception {
        HttpResponse<byte[]> r = get("/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=30");
        HttpResponse<byte[]> again = get("/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA");
        assertThat(header(again, "Cache-Control")).isEqualTo("public, max-age=30");
        assertThat(header(again, "X-Cache")).as("popular searches are kept rendered like pages").isEqualTo("HIT");
    }

    @Test
    void errorsAndRedirectsAreNotKept() throws Exception {
        HttpResponse<byte[]> missing = get("/a/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(header(missing, "Cache-Control")).contains("no-store");
        assertThat(header(missing, "ETag")).isNull();
        assertThat(header(get("/a/999999"), "X-Cache")).isNull();
        HttpResponse<byte[]> redirect = get("/t/%E6%A9%9F%E5%99%A8%E4%BA%BA");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(header(redirect, "Cache-Control")).contains("no-store");
    }

    @Test
    void theStylesheetIsLinkedByItsHashAndKeptForAYear() throws Exception {
        String html = new String(get("/").body(), StandardCharsets.UTF_8);
        Matcher link = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(link.find()).as("a hashed stylesheet link").isTrue();
        HttpResponse<byte[]> css = get(link.group(1));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(header(css, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(new String(css.body(), StandardCharsets.UTF_8)).isEqualTo(new String(get("/css/site.css").body(), StandardCharsets.UTF_8));
        assertThat(header(get("/css/site.css"), "Cache-Control")).isEqualTo("public, max-age=60");
        HttpResponse<byte[]> stale = get("/css/site-0123456789abcdef0123456789abcdef.css");
        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(header(stale, "Cache-Control")).contains("no-store");
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutTheBody() throws Exception {
        byte[] page = get("/").body();
        HttpResponse<byte[]> head = send("HEAD", "/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(page.length));
        assertThat(header(head, "Cache-Control")).isEqualTo(PAGE);
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}

package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the portal's pages say of themselves and of the site, over a real server on a random port
 * with {@code huiwen.site-url} unset: every absolute address is the one the reader asked at
 * (forwarded headers believed only from the trusted proxy, 127.0.0.1); page numbers out of range
 * are 404; favicon and robots.txt; canonical, Open Graph and JSON-LD; the Google News sitemap;
 * advertised feeds and the current category; image alternatives kept from the source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.trusted-proxies=127.0.0.1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalMetadataTest {

    static final Path DATA = TestDataDir.create("portal-metadata");
    static final String HOSTILE_TITLE = "机器人分拣</script><script>alert(1)</script>“新”纪录";
    static final String ALT = "工人在检修\"复兴号\"列车的转向架";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ArticleStore store;
    @Autowired IndexSync index;
    final HttpClient http = HttpClient.newHttpClient();
    long hostile;
    long undated;
    long recent;
    long old;
    long pictured;

    @BeforeAll
    void articles() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String body = "市智能制造研究院今天发布新一代物流分拣机器人，每小时可分拣包裹一万二千件，比上一代快了三成。研究院表示，这款机器人已在三个快递分拨中心试用。";
        hostile = store.store(article(HOSTILE_TITLE, now.minusHours(3), body), "keji", now).id();
        undated = store.store(article("日期不明的科技短讯：城市数据中心扩容", null, body + "扩容后机房可再容纳两千个机柜。"), "keji", now).id();
        recent = store.store(article("两天之内：新能源公交线路今日开通", now.minusHours(1), body + "新线路全程二十公里，沿途设站十八座。"), "keji", now).id();
        old = store.store(article("三天之前：老城区改造方案公示", now.minusDays(3), body + "改造涉及十二条老街巷，公示期十天。"), "keji", now).id();
        ExtractedArticle page = new ArticleExtractor().extract(("""
                <html><head><title>高铁检修基地开放日</title></head><body><article><h1>高铁检修基地开放日</h1>
                <p>本市高铁检修基地今天举行开放日，两百多名市民走进检修库，近距离观看动车组的日常检修流程。</p>
                <figure><img src="https://img.example.cn/2026/repair.jpg" alt="%s"><figcaption>检修库里的动车组</figcaption></figure>
                <p>基地负责人介绍，每列动车组每运行四千公里就要进库检修一次，检修人员需要检查上千个部件。</p>
                </article></body></html>""".formatted(ALT.replace("\"", "&quot;"))).getBytes(StandardCharsets.UTF_8),
                "https://rail.example.cn/2026/open-day.html", null, null, Instant.now());
        pictured = store.store(page, "shehui", now).id();
        index.drain();
    }

    static ExtractedArticle article(String title, OffsetDateTime published, String text) {
        return new ExtractedArticle(null, title, published, "东海日报", null, null, List.of("首页", "科技"), text, "<p>" + text + "</p>",
                List.of(), "zh", List.of());
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer fetch(String host, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).header("User-Agent", DemoSite.BROWSER);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    Answer fetch(String path) throws Exception {
        return fetch("localhost", path);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void pageNumbersOutOfRangeAreThePortals404() throws Exception {
        assertThat(fetch("/c/keji?page=1").status()).isEqualTo(200);
        String tag = URLEncoder.encode("机器人", StandardCharsets.UTF_8);
        for (String path : List.of("/c/keji?page=99", "/c/keji?page=0", "/c/keji?page=-3", "/t/" + tag + "?page=99", "/t/" + tag + "?page=0",
                "/search?q=" + tag + "&page=60")) {
            Answer a = fetch(path);
            assertThat(a.status()).as(path).isEqualTo(404);
            assertThat(a.body()).as(path).contains("class=\"error-page\"", "页面不存在").doesNotContain("Exception");
        }
        assertThat(fetch("/t/" + tag).status()).isEqualTo(200);
        assertThat(fetch("/search?q=" + tag).status()).isEqualTo(200);
    }

    @Test
    void faviconsAndRobotsTxtAreServedAndCacheable() throws Exception {
        HttpResponse<byte[]> ico = http.send(HttpRequest.newBuilder(URI.create(base() + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an ICO header
        assertThat(ico.headers().firstValue("Cache-Control").orElse("")).startsWith("public, max-age=");
        Answer svg = fetch("/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg");
        assertThat(svg.header("Cache-Control")).startsWith("public, max-age=");
        assertThat(fetch("/").body()).contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">", "href=\"/favicon.ico\"");

        Answer robots = fetch("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.header("Cache-Control")).startsWith("public, max-age=");
        assertThat(robots.body().lines()).contains("User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api/", "Disallow: /login",
                "Disallow: /search", "Sitemap: " + base() + "/sitemap.xml", "Sitemap: " + base() + "/sitemap-news.xml");
    }

    @Test
    void articlePagesCarryCanonicalOpenGraphAndNewsArticle() throws Exception {
        Document page = Jsoup.parse(fetch("/a/" + hostile).body());
        String url = base() + "/a/" + hostile;
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(og(page, "og:type")).isEqualTo("article");
        assertThat(og(page, "og:title")).isEqualTo(HOSTILE_TITLE);
        assertThat(og(page, "og:url")).isEqualTo(url);
        assertThat(og(page, "og:site_name")).isEqualTo("汇闻");
        assertThat(og(page, "og:locale")).isEqualTo("zh_CN");
        assertThat(og(page, "og:description")).startsWith("市智能制造研究院");
        assertThat(og(page, "article:published_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ|.*[+-]\\d\\d:\\d\\d");
        assertThat(page.select("meta[property=og:image]")).isEmpty(); // it has no picture

        // the title's </script> stays data: one inline script element, no second one opened by the title
        assertThat(page.select("script:not([src])")).hasSize(1);
        assertThat(page.select("script[src]")).extracting(e -> e.attr("src")).allMatch(src -> src.matches("/js/nav-[0-9a-f]{32}\\.js"));
        JsonNode ld = JsonMapper.builder().build().readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.path("headline").asString()).isEqualTo(HOSTILE_TITLE);
        assertThat(ld.path("datePublished").asString()).isNotEmpty();
        assertThat(ld.path("dateModified").asString()).isNotEmpty();
        assertThat(ld.path("author").path("name").asString()).isEqualTo("东海日报");
        assertThat(ld.path("publisher").path("name").asString()).isEqualTo("东海日报");
        assertThat(ld.path("mainEntityOfPage").path("@id").asString()).isEqualTo(url);
        assertThat(ld.path("inLanguage").asString()).isEqualTo("zh-CN");

        Document dateless = Jsoup.parse(fetch("/a/" + undated).body());
        assertThat(dateless.select("meta[property=article:published_time]")).isEmpty();
        JsonNode undatedLd = JsonMapper.builder().build().readTree(dateless.selectFirst("script[type=application/ld+json]").data());
        assertThat(undatedLd.has("datePublished")).isFalse();
        assertThat(undatedLd.path("dateModified").asString()).isNotEmpty();

        Document withPicture = Jsoup.parse(fetch("/a/" + pictured).body());
        assertThat(og(withPicture, "og:image")).isEqualTo(base() + "/img/" + pictured + "/0");
        assertThat(JsonMapper.builder().build().readTree(withPicture.selectFirst("script[type=application/ld+json]").data())
                .path("image").get(0).asString()).isEqualTo(base() + "/img/" + pictured + "/0");

        assertThat(Jsoup.parse(fetch("/").body()).select("link[rel=canonical]").attr("href")).isEqualTo(base() + "/");
        assertThat(Jsoup.parse(fetch("/c/keji").body()).select("link[rel=canonical]").attr("href")).isEqualTo(base() + "/c/keji");
    }

    static String og(Document page, String property) {
        var meta = page.selectFirst("meta[property=" + property + "]");
        assertThat(meta).as(property).isNotNull();
        return meta.attr("content");
    }

    @Test
    void theNewsSitemapListsOnlyTheLastTwoDaysAndTheSitemapEverything() throws Exception {
        Answer news = fetch("/sitemap-news.xml");
        assertThat(news.status()).isEqualTo(200);
        var doc = DemoSite.xml(news.body());
        List<String> locs = texts(doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"));
        assertThat(locs).contains(base() + "/a/" + recent, base() + "/a/" + hostile)
                .doesNotContain(base() + "/a/" + old, base() + "/a/" + undated);
        var dates = doc.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "publication_date");
        assertThat(dates.getLength()).isEqualTo(locs.size());
        for (String date : texts(dates)) {
            assertThat(OffsetDateTime.parse(date)).isAfter(OffsetDateTime.now().minusDays(2));
        }
        List<String> all = texts(DemoSite.xml(fetch("/sitemap.xml").body()).getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc"));
        assertThat(all).contains(base() + "/", base() + "/c/keji", base() + "/a/" + recent, base() + "/a/" + old, base() + "/a/" + undated);
    }

    static List<String> texts(org.w3c.dom.NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void categoryFeedsAreAdvertisedAndTheCurrentCategoryMarked() throws Exception {
        Document category = Jsoup.parse(fetch("/c/keji").body());
        var feed = category.selectFirst("link[rel=alternate][href=/c/keji/feed.xml]");
        assertThat(feed).isNotNull();
        assertThat(feed.attr("type")).isEqualTo("application/rss+xml");
        assertThat(feed.attr("title")).isEqualTo("汇闻 · 科技");
        assertThat(category.select("nav.nav a[aria-current=page]")).hasSize(1);
        assertThat(category.selectFirst("nav.nav a[aria-current=page]").attr("href")).isEqualTo("/c/keji");

        Document article = Jsoup.parse(fetch("/a/" + recent).body());
        assertThat(article.select("nav.nav a[aria-current=page]").eachAttr("href")).containsExactly("/c/keji");

        Document home = Jsoup.parse(fetch("/").body());
        assertThat(home.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href")).containsExactly("/feed.xml");
        assertThat(home.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href")).containsExactly("/atom.xml");
        assertThat(category.select("link[rel=alternate]").eachAttr("href")).containsExactly("/c/keji/feed.xml", "/feed.xml", "/atom.xml");
        assertThat(home.select("nav.nav a[aria-current]")).isEmpty();
    }

    @Test
    void imageAlternativesFromTheSourceReachThePage() throws Exception {
        Document page = Jsoup.parse(fetch("/a/" + pictured).body());
        var img = page.selectFirst(".body figure img");
        assertThat(img).isNotNull();
        assertThat(img.attr("alt")).isEqualTo(ALT);
        assertThat(img.attr("src")).isEqualTo("/img/" + pictured + "/0");
        assertThat(page.selectFirst(".body figure figcaption").text()).isEqualTo("检修库里的动车组");
    }

    @Test
    void withoutASiteUrlEveryAbsoluteAddressIsTheOneAskedAt() throws Exception {
        String base = base();
        assertThat(fetch("/feed.xml").body()).contains("<link>" + base + "/</link>", "<link>" + base + "/a/").doesNotContain(":8080");
        assertThat(fetch("/c/keji/feed.xml").body()).contains("<link>" + base + "/c/keji</link>");
        assertThat(fetch("/atom.xml").body()).contains("<id>" + base + "/</id>");
        assertThat(fetch("/sitemap.xml").body()).contains("<loc>" + base + "/</loc>").doesNotContain(":8080");
        assertThat(fetch("/api/v1/latest").body()).contains("\"url\":\"" + base + "/a/").doesNotContain(":8080");

        // the same page asked at another address names that one, though the first is in the page cache
        String other = "http://127.0.0.1:" + port;
        assertThat(fetch("/c/keji").body()).contains("href=\"" + base + "/c/keji\"");
        assertThat(fetch("/c/keji").header("X-Cache")).isEqualTo("HIT");
        assertThat(fetch("127.0.0.1", "/c/keji").body()).contains("href=\"" + other + "/c/keji\"").doesNotContain(base);
        assertThat(fetch("127.0.0.1", "/robots.txt").body()).contains("Sitemap: " + other + "/sitemap.xml");

        // a trusted proxy (127.0.0.1) says the reader came over https to news.example.cn
        String[] forwarded = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "news.example.cn", "X-Forwarded-Port", "443"};
        assertThat(fetch("127.0.0.1", "/robots.txt", forwarded).body()).contains("Sitemap: https://news.example.cn/sitemap.xml");
        assertThat(fetch("127.0.0.1", "/a/" + recent, forwarded).body())
                .contains("<link rel=\"canonical\" href=\"https://news.example.cn/a/" + recent + "\">");
        // anyone else saying so is not believed
        String own = TrustedProxyTest.ownNetworkAddress();
        Assumptions.assumeTrue(own != null, "this machine has no network address besides loopback");
        assertThat(fetch(own, "/robots.txt", forwarded).body()).contains("Sitemap: http://" + own + ":" + port + "/sitemap.xml")
                .doesNotContain("news.example.cn");
    }
}

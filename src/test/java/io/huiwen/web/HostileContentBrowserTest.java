package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile content in a real (headless) Chromium: a corpus of XSS vectors written for Huiwen is stored
 * as article titles, bodies, captions, sources, authors, tags and a source's name and error, and typed
 * as search queries; every reader page that shows them (home, article, category, tag, search, feeds)
 * and the admin pages (dashboard, sources) are opened. Each vector, if it ran, would set
 * {@code window.__xss}, change {@code document.title} or open an alert: none may happen, the page's
 * DOM may hold no script, event handler, frame, base or refresh, and no link that is not http(s), and
 * titles show the vectors as text. Runs wherever Chromium is installed; CI installs it (.ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.demo-content=false", "huiwen.collect.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileContentBrowserTest {

    static final Path DATA = TestDataDir.create("hostile-content");

    /** Each would set window.__xss (or the title, or alert) if the browser ran it. */
    static final List<String> VECTORS = List.of(
            "<script>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=2\">",
            "<svg onload=\"window.__xss=3\"><circle r=1></circle></svg>",
            "<svg><script>window.__xss=4</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=5\">",
            "<a href=\"jav&#x09;ascript:window.__xss=6\">点此阅读</a>",
            "<a href=\"java\tscript:window.__xss=7\">点此阅读</a>",
            "<a href=\"&#106;avascript:window.__xss=8\">实体链接</a>",
            "<iframe srcdoc=\"<script>parent.__xss=9</script>\"></iframe>",
            "<div style=\"width:expression(window.__xss=10);background:url(javascript:window.__xss=10)\">样式</div>",
            "<b onmouseover=\"window.__xss=11\">未闭合的标签",
            "<base href=\"https://evil.example/\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=12\">",
            "<form><button formaction=\"javascript:window.__xss=13\">提交</button></form>",
            "\"><script>window.__xss=14</script>",
            "'><img src=x onerror=window.__xss=15>",
            "<details open ontoggle=\"window.__xss=16\"><summary>展开</summary></details>",
            "<object data=\"javascript:window.__xss=17\"></object><embed src=\"javascript:window.__xss=17\">",
            "<input autofocus onfocus=\"window.__xss=18\">",
            "<video><source onerror=\"window.__xss=19\"></video>",
            "<script>alert(document.domain)</script>",
            "<img src=x onerror=\"document.title='XSS'\">",
            "</title><script>window.__xss=20</script>",
            "</textarea><script>window.__xss=21</script>",
            "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=22>\">",
            "<svg><animate onbegin=\"window.__xss=23\" attributeName=x dur=1s></animate></svg>",
            "]]><script>window.__xss=24</script><![CDATA[",
            "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">window.__xss=25</x:script>");

    /** Six unrelated stories (so that none is taken for a copy of another), each carrying its share of the vectors. */
    static final List<String> STORIES = List.of(
            "山区小学新建的图书室迎来第一批读者，孩子们在老师带领下学习借阅规则，志愿者还为他们朗读了童话故事。",
            "沿海渔港开渔后，渔船陆续满载归来，码头上的水产交易市场人头攒动，带鱼和梭子蟹价格比去年略有下降。",
            "城市轨道交通新线开始试运行，沿线站点的无障碍设施和换乘指引接受检查，正式通车时间将另行公布。",
            "县医院开设夜间门诊，方便上班族下班后就医，首周接诊患者数百人，儿科和内科最为繁忙。",
            "高校学生团队研制的小型气象卫星完成在轨测试，可为农业生产提供更精细的天气预报服务。",
            "老街改造工程保留了青石板路和木结构店铺，非遗手工艺人重新入驻，周末吸引不少游客前来打卡。");

    static BrowserSession browser;
    static WebDriver driver;
    static final List<Long> ids = new ArrayList<>();
    static final List<String> titles = new ArrayList<>();
    static final List<String> tags = new ArrayList<>();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ArticleStore store;
    @Autowired SourceCatalog sources;
    @Autowired IndexSync indexSync;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        // fails when Chromium is missing (BrowserSession.start): CI installs it, and a test that silently skips proves nothing
        browser = BrowserSession.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Once: the hostile articles through the storage path, their tags and a source straight into the tables. */
    @BeforeEach
    void storeOnce() {
        if (!ids.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int k = 0; k < STORIES.size(); k++) {
            List<String> share = new ArrayList<>();
            for (int i = k; i < VECTORS.size(); i += STORIES.size()) {
                share.add(VECTORS.get(i));
            }
            String title = "敌意内容测试" + (k + 1) + " " + String.join(" ", share);
            StringBuilder html = new StringBuilder("<p>" + STORIES.get(k) + "</p>");
            for (String v : share) {
                html.append("<p>").append(v).append("</p>")
                        .append("<figure><img src=\"https://img.example.cn/").append(k).append(".jpg\" alt=\"").append(v.replace("\"", "&quot;"))
                        .append("\"><figcaption>图注 ").append(v).append("</figcaption></figure>");
            }
            html.append("<p>").append(STORIES.get(k)).append("</p>");
            String text = STORIES.get(k) + "\n\n" + String.join("\n\n", share) + "\n\n" + STORIES.get(k);
            String source = "来源" + share.get(0);
            var page = new ExtractedArticle(k == 0 ? "javascript:window.__xss=99" : "https://news.example.cn/hostile/" + k, title,
                    now.minusMinutes(k), source, share.get(share.size() - 1), share.get(0), List.of("首页", "社会"), text, html.toString(),
                    List.of(new ExtractedArticle.Image("https://img.example.cn/" + k + ".jpg", "图注 " + share.get(0))), "zh", List.of());
            long id = store.store(page, k == STORIES.size() - 1 ? null : "shehui", now).id();
            ids.add(id);
            titles.add(title);
            String tag = ("标签" + share.get(0)).substring(0, Math.min(60, 2 + share.get(0).length())); // tags hold 64 characters
            tags.add(tag);
            jdbc.sql("INSERT INTO article_tag (article_id, tag, position) VALUES (?, ?, 99)").params(id, tag).update();
        }
        Source source = sources.create("test", new Source.Settings("来源名" + VECTORS.get(0) + VECTORS.get(1), "https://news.example.cn/feed.xml",
                null, "shehui", 30, false, null, null, null, null, null, null));
        jdbc.sql("UPDATE source SET last_error = ?, last_error_message = ?, error_streak = 3 WHERE id = ?")
                .params("timeout", "错误" + VECTORS.get(2) + VECTORS.get(4), source.id()).update();
        indexSync.drain();
    }

    @Test
    @Order(1)
    void readerPagesRunNoneOfIt() {
        List<String> pages = new ArrayList<>(List.of("/", "/c/shehui", "/c/shehui?page=1"));
        ids.forEach(id -> pages.add("/a/" + id));
        tags.forEach(tag -> pages.add("/t/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20")));
        pages.add("/search?q=" + URLEncoder.encode("敌意内容测试", StandardCharsets.UTF_8));
        pages.add("/search?q=" + URLEncoder.encode("图书室", StandardCharsets.UTF_8) + "&reports=all");
        for (String path : pages) {
            openAndAssertInert(path);
        }
        for (int k = 0; k < ids.size(); k++) {
            openAndAssertInert("/a/" + ids.get(k));
            assertThat(driver.findElement(By.cssSelector("article h1")).getText()).as("the title shows as text").isEqualTo(squash(titles.get(k)));
        }
        openAndAssertInert("/search?q=" + URLEncoder.encode("敌意内容测试", StandardCharsets.UTF_8));
        assertThat(driver.findElements(By.cssSelector("ol.hits > li"))).as("the hostile articles are found").isNotEmpty();
    }

    @Test
    @Order(2)
    void queriesRunNoneOfIt() {
        for (String vector : VECTORS) {
            openAndAssertInert("/search?q=" + URLEncoder.encode(vector, StandardCharsets.UTF_8) + "&source="
                    + URLEncoder.encode(vector, StandardCharsets.UTF_8));
            assertThat(driver.findElement(By.cssSelector("header input[name=q]")).getAttribute("value"))
                    .as("the query stays text in the search box").isEqualTo(vector);
        }
    }

    @Test
    @Order(3)
    void feedsCarryTheVectorsAsText() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/feed.xml", "/atom.xml", "/c/shehui/feed.xml", "/sitemap.xml")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
            assertThat(xml.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "*").getLength())
                    .as(path + ": no element of the page's own language hides in the feed").isZero();
            assertThat(xml.getElementsByTagName("script").getLength()).as(path).isZero();
            if (!path.equals("/sitemap.xml")) {
                String text = xml.getDocumentElement().getTextContent();
                assertThat(text).as(path + ": a title as text").contains(titles.get(1));
            }
            openAndAssertInert(path, true);
        }
    }

    @Test
    @Order(4)
    void adminPagesRunNoneOfIt() {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("test-admin");
        driver.findElement(By.cssSelector(".login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        openAndAssertInert("/admin");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).as("the dashboard lists the hostile titles as text")
                .contains(squash(titles.get(1)));
        openAndAssertInert("/admin/sources");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("来源名" + VECTORS.get(0) + VECTORS.get(1));
        for (long id : ids) {
            openAndAssertInert("/a/" + id); // as the editor sees it (not from the page cache)
        }
    }

    private void openAndAssertInert(String path) {
        openAndAssertInert(path, false);
    }

    /**
     * Opens the page, lets anything that would run run, then proves nothing did and nothing could. A
     * feed is shown by Chromium's own text viewer (a styled pre), so only scripts and handlers count there.
     */
    private void openAndAssertInert(String path, boolean feed) {
        driver.get(url(path));
        assertThat(alertOpen()).as(path + ": an alert opened").isFalse();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeAsyncScript("setTimeout(arguments[arguments.length - 1], 150);"); // onload, onerror, ontoggle, animations, refresh
        assertThat(alertOpen()).as(path + ": an alert opened").isFalse();
        assertThat(driver.getCurrentUrl()).as(path + ": no refresh or base took the reader away").startsWith(url(""));
        assertThat(js.executeScript("return typeof window.__xss;")).as(path + ": a vector ran").isEqualTo("undefined");
        assertThat(driver.getTitle()).as(path).isNotEqualTo("XSS");
        @SuppressWarnings("unchecked")
        Map<String, Object> dom = (Map<String, Object>) js.executeScript("""
                const all = [...document.querySelectorAll('*')];
                return {
                  // the portal's own navigation script (same origin, fingerprinted, no inline text) is the one script that runs
                  scripts: [...document.querySelectorAll('script:not([type="application/ld+json"])')]
                      .filter(s => !(s.src.startsWith(location.origin + '/js/nav-') && s.textContent === '')).length,
                  data: [...document.querySelectorAll('script[type="application/ld+json"]')].map(s => {
                      try { JSON.parse(s.textContent); return s.parentElement.tagName; } catch (e) { return 'not JSON: ' + s.textContent.slice(0, 120); } }),
                  handlers: all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).map(e => e.outerHTML.slice(0, 120)),
                  dangerous: [...document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv], [formaction], [srcdoc], svg, math, style, [style]')]
                      .filter(e => !e.matches('section.admin > figure.chart > svg.bars')) // the dashboard's own chart, drawn by the server
                      .map(e => e.outerHTML.slice(0, 120)),
                  links: [...document.querySelectorAll('a[href]')].filter(a => a.protocol !== 'http:' && a.protocol !== 'https:').map(a => a.getAttribute('href')),
                  forms: [...document.querySelectorAll('form')].filter(f => !f.action.startsWith(location.origin + '/')).map(f => f.getAttribute('action'))
                };""");
        assertThat(((Number) dom.get("scripts")).intValue()).as(path + ": script elements").isZero();
        // the one script element a page may have is its JSON-LD: data, never run, whole JSON, in the head
        assertThat((List<?>) dom.get("data")).as(path + ": JSON-LD blocks").allMatch("HEAD"::equals);
        assertThat((List<?>) dom.get("handlers")).as(path + ": event handler attributes").isEmpty();
        if (!feed) {
            assertThat((List<?>) dom.get("dangerous")).as(path + ": frames, objects, base, refresh, inline style").isEmpty();
        }
        assertThat((List<?>) dom.get("links")).as(path + ": links that are not http(s)").isEmpty();
        assertThat((List<?>) dom.get("forms")).as(path + ": forms sent elsewhere").isEmpty();
    }

    private boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}

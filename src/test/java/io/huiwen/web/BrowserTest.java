package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as a reader sees it in a real (headless) browser: the demo content, one imported page
 * dump, search, a story reported by two outlets, the 404 page and hostile content. Also takes the
 * README screenshots (docs/screenshots) when run with {@code -Dhuiwen.screenshots.update=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final Path DATA_DIR = createDataDir();
    static final Path DUMP = Path.of("src/test/resources/pages/dump/tea-county-empty-date.txt");
    static final String DUMP_TITLE = "一片叶子富一方,松溪县茶产业插上“数字翅膀”";
    static final List<String> NAV = List.of("首页", "财经", "科技", "社会", "国际", "体育", "文化");
    static final List<String> CATEGORIES = NAV.subList(1, NAV.size());

    static BrowserSession browser;
    static WebDriver driver;
    static long importedId;
    static long teaId;

    @LocalServerPort
    int port;

    @Autowired
    ArticleStore store;

    @Autowired
    IndexSync indexSync;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment env;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA_DIR::toString);
        registry.add("huiwen.demo-content", () -> "true");
        registry.add("huiwen.admin.password", () -> "test-admin");
    }

    private static Path createDataDir() {
        try {
            // under target/ so that mvn clean removes it; H2 and Lucene keep it open until the JVM ends
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "browser-test-data-").toAbsolutePath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSession.start();
        driver = browser.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Once per run: wait for the demo content to be searchable, then import the page dump. */
    @BeforeEach
    void importOnce() throws Exception {
        if (importedId != 0) {
            return;
        }
        assertThat(env.getProperty("spring.datasource.url")).as("the test must use its own data dir")
                .contains(DATA_DIR.toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (searchTotal("机器人") == 0) {
            assertTrue(System.nanoTime() < deadline, "the demo articles were not searchable within 20 s");
            Thread.sleep(200);
        }
        // one article in the corpus is about tea too: 相关阅读 of the imported tea story must find it
        String tea = "政和县白茶产业上线数字溯源平台，茶农采摘的鲜叶扫码入库，茶企加工、茶叶检测和销售信息全程可查。"
                + "县里还建设智慧茶园，用传感器监测茶园土壤和病虫害，茶农通过直播电商把白茶卖到全国，茶产业带动全县增收。";
        teaId = store.store(new ExtractedArticle(null, "政和白茶上线数字溯源平台 茶农扫码卖好茶", OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                "闽北日报", null, null, List.of("首页", "科技"), tea, "<p>" + tea + "</p>", List.of(), "zh", List.of()),
                null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        ExtractedArticle page = new ArticleExtractor().extract(Files.readAllBytes(DUMP), DUMP.getFileName().toString(),
                null, null, Instant.now());
        ArticleStore.Stored stored = store.store(page, null, OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(stored.duplicate()).isFalse();
        indexSync.drain();
        importedId = stored.id();
    }

    @Test
    @Order(1)
    void homePageShowsNavigationListsAndCategoryBlocks() throws IOException {
        open("/");
        List<String> nav = texts(driver.findElements(By.cssSelector("header nav.nav a")));
        assertThat(nav).containsSubsequence(NAV);

        WebElement latest = driver.findElement(By.cssSelector("section.latest"));
        assertThat(latest.isDisplayed()).isTrue();
        assertThat(latest.findElement(By.tagName("h2")).getText()).isEqualTo("最新文章");
        assertThat(displayed(latest.findElements(By.cssSelector("a[href*='/a/']")))).hasSizeGreaterThanOrEqualTo(5);

        WebElement hot = driver.findElement(By.cssSelector("section.hot"));
        assertThat(hot.isDisplayed()).isTrue();
        assertThat(hot.findElement(By.tagName("h2")).getText()).isEqualTo("热门文章");
        assertThat(displayed(hot.findElements(By.cssSelector("a[href*='/a/']")))).hasSizeGreaterThanOrEqualTo(5);

        List<String> blockHeadings = texts(driver.findElements(By.cssSelector(".blocks section.block h2")));
        assertThat(blockHeadings).containsAll(CATEGORIES);
        for (WebElement block : driver.findElements(By.cssSelector(".blocks section.block"))) {
            assertThat(block.findElements(By.cssSelector("a[href*='/a/']"))).as(block.getText()).isNotEmpty();
        }
        browser.screenshot("home");

        driver.findElement(By.xpath("//header//nav[contains(@class,'nav')]//a[normalize-space()='财经']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/c/caijing")));
        assertThat(squash(driver.findElement(By.cssSelector("nav.breadcrumb")).getText())).endsWith("首页 > 财经");
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("财经");
        assertThat(driver.findElements(By.cssSelector(".main-col ul.articles a.title"))).isNotEmpty();
    }

    @Test
    @Order(2)
    void importedDumpReadsLikeAnArticle() throws IOException {
        open("/a/" + importedId);
        assertThat(squash(driver.findElement(By.cssSelector("nav.breadcrumb")).getText())).contains("首页 > 科技");
        assertThat(driver.findElement(By.cssSelector("article h1")).getText()).isEqualTo(DUMP_TITLE);
        assertThat(driver.getTitle()).startsWith(DUMP_TITLE);

        String byline = squash(driver.findElement(By.cssSelector(".byline")).getText());
        assertThat(byline).contains("日期：未知").contains("来源：闽北客户端").contains("编辑：闽北客户端");
        assertThat(driver.findElements(By.cssSelector(".byline time"))).as("an unknown date is plain text, not a <time>").isEmpty();

        WebElement body = driver.findElement(By.cssSelector("article .body"));
        // a text dump has captions but no pictures: each caption is a plain note, never an empty figure box
        List<String> captions = texts(body.findElements(By.cssSelector("p.caption-note")));
        assertThat(captions).containsExactly("松溪县茶叶加工车间。松溪县委宣传部供图", "茶农在智慧茶园采茶。王小明/摄");
        assertThat(body.findElements(By.cssSelector("figure"))).as("figures without their picture").isEmpty();
        assertThat(texts(body.findElements(By.tagName("h2"))))
                .containsExactly("数字茶园,让种茶更省心", "品牌打造,让好茶卖好价");
        String bodyText = body.getText();
        assertThat(bodyText).contains("清晨六点").contains("直播电商")
                .doesNotContain("相关阅读").doesNotContain("热门文章").doesNotContain("最新文章")
                .doesNotContain("传递正能量").doesNotContain("当前位置");

        WebElement related = driver.findElement(By.cssSelector("section.related"));
        assertThat(related.findElement(By.tagName("h2")).getText()).isEqualTo("相关阅读");
        List<String> relatedLinks = related.findElements(By.cssSelector("a[href*='/a/']")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(relatedLinks).hasSizeBetween(1, 6).noneMatch(href -> href.endsWith("/a/" + importedId))
                .anyMatch(href -> href.endsWith("/a/" + teaId));

        assertThat(driver.findElement(By.cssSelector("aside section.hot h2")).getText()).isEqualTo("热门文章");
        assertThat(driver.findElement(By.cssSelector("aside section.latest h2")).getText()).isEqualTo("最新文章");
        assertThat(driver.findElements(By.cssSelector("aside section.latest a[href*='/a/']"))).isNotEmpty();
        browser.screenshot("article");
    }

    @Test
    @Order(3)
    void searchFromTheHeaderHighlightsHits() throws IOException {
        open("/");
        WebElement box = driver.findElement(By.cssSelector("header form.search-box input[name=q]"));
        box.sendKeys("机器人");
        driver.findElement(By.cssSelector("header form.search-box button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/search?"));

        String count = driver.findElement(By.cssSelector(".search-results .count")).getText();
        Matcher m = Pattern.compile("找到约\\s*(\\d+)\\s*条结果").matcher(count);
        assertTrue(m.find(), count);
        assertThat(Long.parseLong(m.group(1))).isPositive();
        assertThat(driver.findElement(By.cssSelector("header input[name=q]")).getAttribute("value")).isEqualTo("机器人");

        List<WebElement> hits = driver.findElements(By.cssSelector("ol.hits > li"));
        assertThat(hits).isNotEmpty();
        assertThat(texts(driver.findElements(By.cssSelector(".snippet em")))).contains("机器人");
        assertThat(hits.get(0).findElement(By.cssSelector("a.title")).getAttribute("href")).contains("/a/");
        browser.screenshot("search");
    }

    @Test
    @Order(4)
    void aRepostLinksToTheOtherOutlets() {
        record Report(long id, String source, String title) {}
        List<Report> reports = jdbc.sql("SELECT id, source, title FROM article WHERE title LIKE ? ORDER BY id")
                .param("%外贸进出口%跨境电商%").query(Report.class).list();
        assertThat(reports).as("demo files 02, 31 and 32 are loaded").hasSize(3);
        assertThat(reports).extracting(Report::source).doesNotHaveDuplicates();

        for (Report report : reports) {
            open("/a/" + report.id());
            List<WebElement> sections = driver.findElements(By.cssSelector("section.also-reported"));
            assertThat(sections).as("article %d (%s) shows the same story's other reports", report.id(), report.source()).hasSize(1);
            WebElement section = sections.get(0);
            assertThat(section.findElement(By.tagName("h2")).getText()).startsWith("同一新闻的其他报道").contains("3 家媒体报道");
            List<Report> others = reports.stream().filter(r -> r.id() != report.id()).toList();
            List<WebElement> links = section.findElements(By.cssSelector("a"));
            assertThat(links).extracting(a -> a.getAttribute("href"))
                    .containsExactlyInAnyOrderElementsOf(others.stream().map(o -> url("/a/" + o.id())).toList());
            assertThat(links).extracting(WebElement::getText)
                    .containsExactlyInAnyOrderElementsOf(others.stream().map(Report::source).toList());
        }
    }

    @Test
    @Order(5)
    void unknownArticleShowsThePortal404Page() {
        open("/a/999999");
        assertThat(driver.findElement(By.cssSelector(".error-page h1")).getText()).contains("页面不存在");
        assertThat(driver.getTitle()).contains("页面不存在");
        assertThat(driver.findElements(By.cssSelector("header nav.nav a"))).isNotEmpty();
    }

    @Test
    @Order(6)
    void hostileContentNeverExecutes() {
        String title = "<script>alert(1)</script>测试";
        String html = "<p>正文第一段，介绍一项并不存在的测试活动。</p>"
                + "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">"
                + "<p>正文第二段，继续说明这项测试活动的安排。</p>";
        String text = "正文第一段，介绍一项并不存在的测试活动。\n\n正文第二段，继续说明这项测试活动的安排。";
        var page = new ExtractedArticle(null, title, null, "测试来源", null, null, List.of(), text, html, List.of(), "zh", List.of());
        long id = store.store(page, "shehui", OffsetDateTime.now(ZoneOffset.UTC)).id();
        indexSync.drain();

        open("/a/" + id);
        assertThat(driver.findElement(By.cssSelector("article h1")).getText()).isEqualTo(title);
        assertThat(driver.getTitle()).startsWith(title);
        Object pwned = ((JavascriptExecutor) driver).executeScript("return typeof window.__pwned;");
        assertThat(pwned).isEqualTo("undefined");
        WebElement body = driver.findElement(By.cssSelector("article .body"));
        assertThat(body.findElements(By.cssSelector("script, [onerror]"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("article h1 script"))).isEmpty();
        assertThat(body.getText()).contains("正文第一段").contains("正文第二段");
        assertThat(alertOpen()).isFalse();
    }

    @Test
    @Order(7)
    void anEditorSignsInAndSeesTheDashboardAndSources() throws IOException {
        // an article no evidence places in a category, and the classifier is unsure of: it waits for the editor
        String text = "彗星将在本月下旬接近近日点，天文爱好者可在黎明前的东方低空寻找它的身影。观测者建议带上双筒望远镜，远离城市灯光。";
        var comet = new ExtractedArticle(null, "彗星本月下旬可见 黎明前东方低空寻找", null, "星空网", null, null, List.of(), text,
                "<p>" + text + "</p>", List.of(), "zh", List.of());
        ArticleStore.Stored waiting = store.store(comet, null, OffsetDateTime.now(ZoneOffset.UTC));
        assertThat(waiting.awaitingReview()).isTrue();
        open("/admin/sources");
        assertThat(driver.findElement(By.cssSelector("section.login h1")).getText()).isEqualTo("编辑登录");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("wrong");
        driver.findElement(By.cssSelector(".login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?error"));
        assertThat(driver.findElement(By.cssSelector(".notice.error")).getText()).contains("用户名或密码不对");
        open("/admin/sources"); // a fresh form: no field holds what was typed before
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("test-admin");
        driver.findElement(By.cssSelector(".login-form button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(driver.getCurrentUrl()).contains("/admin/sources"); // back where the editor was going
        assertThat(driver.findElement(By.cssSelector("section.admin h1")).getText()).isEqualTo("来源管理");
        open("/admin");
        assertThat(driver.findElement(By.cssSelector("section.admin h1")).getText()).isEqualTo("编辑后台");
        assertThat(driver.findElements(By.cssSelector(".admin-table:not(.review) tbody tr"))).hasSizeGreaterThanOrEqualTo(30);
        WebElement row = driver.findElement(By.cssSelector(".admin-table.review tbody tr"));
        assertThat(row.getText()).contains("彗星本月下旬可见").contains("栏目待定");
        browser.screenshot("admin");

        new org.openqa.selenium.support.ui.Select(row.findElement(By.name("category"))).selectByVisibleText("科技");
        row.findElement(By.cssSelector("button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
        assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("文章 " + waiting.id() + " 已发布");
        assertThat(driver.findElements(By.cssSelector(".admin-table.review"))).isEmpty();
        indexSync.drain();
        open("/c/keji");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("彗星本月下旬可见");
    }

    private boolean alertOpen() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (org.openqa.selenium.NoAlertPresentException e) {
            return false;
        }
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private long searchTotal(String q) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        return response.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(e -> squash(e.getText())).toList();
    }

    private static List<WebElement> displayed(List<WebElement> elements) {
        return elements.stream().filter(WebElement::isDisplayed).toList();
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}

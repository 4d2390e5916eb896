package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.huiwen.TestDataDir;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every reader and admin page a visitor or an editor meets (home, category, article, tag, search
 * with hits and without, the 404 page, the dashboard and the sources page) passes two outside
 * judges: axe-core, run in headless Chromium at 1280 px and again at 390 px (a phone), finds no
 * serious or critical violation; the Nu Html Checker, run in-process on the HTML the server sent,
 * finds no error (its warnings are printed, not failed). One server, one browser: the phone width
 * is Chromium's device emulation switched on in the same session. Not skipped when the browser is
 * missing: CI installs chromium and chromium-driver (.ci/run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.demo-content=true", "huiwen.collect.enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccessibilityAndValidityTest {

    static final Path DATA = TestDataDir.create("accessibility");
    static final List<String> SERIOUS = List.of("serious", "critical");

    static BrowserSession browser;
    static WebDriver driver;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSession.start(1280, 900);
        driver = browser.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void readerAndAdminPagesHaveNoSeriousAxeViolationsAndNoHtmlErrors() throws Exception {
        long article = jdbc.sql("SELECT MIN(id) FROM article").query(Long.class).single();
        String tag = jdbc.sql("SELECT tag FROM article_tag ORDER BY article_id, position").query(String.class).list().get(0);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("category", "/c/keji");
        pages.put("article", "/a/" + article);
        pages.put("tag", "/t/" + Display.url(tag));
        pages.put("search", "/search?q=" + Display.url("机器人"));
        pages.put("search without hits", "/search?q=" + Display.url("完全不存在的词语组合"));
        pages.put("404", "/a/999999999");
        Map<String, String> admin = new LinkedHashMap<>();
        admin.put("admin", "/admin");
        admin.put("admin sources", "/admin/sources");

        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (int width : new int[] {1280, 390}) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", width < 500 ? 844 : 900, "deviceScaleFactor", 1, "mobile", width < 500));
            driver.manage().deleteAllCookies();
            for (var page : pages.entrySet()) {
                problems.addAll(axe(page.getKey(), page.getValue(), width));
                checked++;
            }
            signIn();
            for (var page : admin.entrySet()) {
                problems.addAll(axe(page.getKey(), page.getValue(), width));
                checked++;
            }
        }
        // the Nu Html Checker reads what the server sent (the admin pages with the signed-in session's cookie)
        String cookie = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        for (var page : pages.entrySet()) {
            problems.addAll(nu(page.getKey(), page.getValue(), null));
        }
        for (var page : admin.entrySet()) {
            problems.addAll(nu(page.getKey(), page.getValue(), cookie));
        }
        assertThat(checked).isEqualTo(18);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** Both judges can fail: each is shown a page with faults it must name. */
    @Test
    void theCheckersFindFaultsWhenThereAreSome() throws Exception {
        String broken = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>坏页</title></head>"
                + "<body><p><div>段落里不能放块</div></p><time datetime=\"昨天\">昨天</time><img src=\"/x.png\"></body></html>";
        List<String> errors = validate("broken", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(String.join("\n", errors)).contains("datetime").contains("alt");
        assertThat(validate("broken again", broken.getBytes(java.nio.charset.StandardCharsets.UTF_8))).as("the checker, reused").isEqualTo(
                errors.stream().map(e -> e.replace("Nu broken ", "Nu broken again ")).toList());

        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.get(url("/a/999999999"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("""
                const main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<img src="/favicon.ico"><button></button>');""");
        assertThat(new AxeBuilder().analyze(driver).getViolations()).extracting(Rule::getId).contains("image-alt", "button-name");
    }

    void signIn() {
        driver.get(url("/login"));
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys("test-admin");
        driver.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** axe-core's serious and critical violations on the page, one line each with the nodes it names. */
    List<String> axe(String name, String path, int width) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        assertThat(driver.getCurrentUrl()).as(name + " opened (not sent to the login)").doesNotContain("/login");
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as(name + ": axe ran (" + results.getErrorMessage() + ")").isFalse();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!SERIOUS.contains(rule.getImpact())) {
                System.out.println("axe " + rule.getImpact() + " (listed, not failed) " + width + "px " + name + ": " + rule.getId()
                        + " on " + rule.getNodes().size() + " node(s)");
            } else {
                found.add("axe " + width + "px " + name + " " + path + ": " + rule.getImpact() + " " + rule.getId() + " — "
                        + rule.getNodes().stream().map(n -> n.getTarget() + " " + n.getHtml()).collect(Collectors.joining(" | ")));
            }
        }
        return found;
    }

    /** The Nu Html Checker's errors on the HTML the server sends for the page; warnings are printed only. */
    List<String> nu(String name, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(name).startsWith("text/html");
        return validate(name + " " + path, response.body());
    }

    /** Where the checker's messages go for the document being checked. */
    static String current;
    static final List<String> errors = new ArrayList<>();
    static SimpleDocumentValidator validator;

    /** The Nu Html Checker's errors on a document, one line each; set up once (reading its schemas takes seconds). */
    static synchronized List<String> validate(String name, byte[] html) throws Exception {
        if (validator == null) {
            ErrorHandler handler = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    System.out.println("Nu warning " + current + " line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add("Nu " + current + " line " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            };
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
            validator.setUpValidatorAndParsers(handler, false, false);
        }
        current = name;
        errors.clear();
        InputSource source = new InputSource(new ByteArrayInputStream(html));
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return List.copyOf(errors);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}

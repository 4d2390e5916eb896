package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.TestDataDir;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse (pinned in {@code lighthouse/package.json}, installed by {@code npm ci} in .ci/run) at
 * its default phone setting — a mid-range phone on a slow 4G line, simulated — scores the home page,
 * an article and a search with hits at least 95 in performance, accessibility, best practices and
 * SEO. Search result pages are kept out of search engines on purpose (robots.txt and noindex, as
 * Google asks of search results), so for them alone the one audit that asks to be crawlable is
 * left out of the SEO score; Lighthouse is first shown that page with it, which must score badly,
 * to prove the scores can fail. Performance is timing and varies with the machine's load, so a page
 * below 95 is measured again, up to three times, and its best run counts; the other categories are
 * not timing and count at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.demo-content=true", "huiwen.collect.enabled=false", "huiwen.admin.password=test-admin"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LighthouseTest {

    static final Path CLI = Path.of("lighthouse", "node_modules", "lighthouse", "cli", "index.js").toAbsolutePath();
    static final Path DATA = TestDataDir.create("lighthouse");
    static final double PASS = 0.95;
    static final List<String> CATEGORIES = List.of("performance", "accessibility", "best-practices", "seo");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;

    @BeforeAll
    static void lighthouseIsThere() {
        String missing = null;
        if (!BrowserSession.available()) {
            missing = BrowserSession.CHROMIUM + " is missing (apt-get install chromium; .ci/run does)";
        } else if (!Files.isRegularFile(CLI)) {
            missing = CLI + " is missing (cd lighthouse && npm ci; .ci/run does)";
        }
        if (missing != null) {
            if (Boolean.getBoolean(BrowserSession.SKIP)) {
                org.junit.jupiter.api.Assumptions.abort(missing + "; skipped because -D" + BrowserSession.SKIP + "=true");
            }
            throw new IllegalStateException(missing + "; to skip the browser tests on purpose, run with -D" + BrowserSession.SKIP + "=true");
        }
    }

    @Test
    void homeArticleAndSearchScoreAtLeast95InEveryCategoryOnAPhone() throws Exception {
        String search = "/search?q=" + URLEncoder.encode("机器人", StandardCharsets.UTF_8);
        assertThat(lighthouse(search, List.of("--only-categories=seo")).get("seo"))
                .as("a page search engines are told to leave alone fails Lighthouse's SEO check, else these scores prove nothing")
                .isLessThan(PASS);

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put("/", List.of());
        pages.put(firstArticle(), List.of());
        pages.put(search, List.of("--skip-audits=is-crawlable"));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            Map<String, Double> scores = lighthouse(page.getKey(), page.getValue());
            for (int again = 0; again < 2 && scores.get("performance") < PASS; again++) {
                Map<String, Double> next = lighthouse(page.getKey(), page.getValue());
                scores.put("performance", Math.max(scores.get("performance"), next.get("performance")));
            }
            System.out.println("Lighthouse (phone) " + page.getKey() + " " + scores);
            for (String category : CATEGORIES) {
                if (scores.get(category) < PASS) {
                    failures.add(page.getKey() + " " + category + " " + Math.round(scores.get(category) * 100));
                }
            }
        }
        assertThat(failures).as("pages scoring below 95 at Lighthouse's phone setting").isEmpty();
    }

    /** The address of the first article the home page links to. */
    private String firstArticle() throws IOException, InterruptedException {
        HttpResponse<String> home = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher link = Pattern.compile("href=\"(/a/\\d+)\"").matcher(home.body());
        assertThat(link.find()).as("the home page links to an article").isTrue();
        return link.group(1);
    }

    /** Each category's score (0–1) for one page, from a fresh headless Chromium. */
    private Map<String, Double> lighthouse(String path, List<String> extra) throws IOException, InterruptedException {
        Path report = Files.createTempFile(DATA, "lighthouse-", ".json");
        List<String> command = new ArrayList<>(List.of("node", CLI.toString(), "http://localhost:" + port + path,
                "--quiet", "--output=json", "--output-path=" + report,
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --lang=zh-CN"));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DATA.resolve("lighthouse.log").toFile());
        builder.environment().put("CHROME_PATH", BrowserSession.CHROMIUM);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Lighthouse did not finish on " + path + " within 3 minutes");
        }
        assertThat(process.exitValue()).as("Lighthouse's exit code on " + path + "; its log: "
                + Files.readString(DATA.resolve("lighthouse.log"))).isZero();
        JsonNode categories = JSON.readTree(Files.readString(report)).path("categories");
        Map<String, Double> scores = new LinkedHashMap<>();
        categories.properties().forEach(c -> scores.put(c.getKey(), c.getValue().path("score").asDouble(0)));
        assertThat(scores).as("categories Lighthouse scored on " + path).isNotEmpty();
        return scores;
    }
}

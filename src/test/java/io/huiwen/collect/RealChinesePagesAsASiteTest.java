package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.TestDataDir;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's "done when": the 20 real Chinese pages of {@code ../shared/eval/zh} (read from there,
 * never copied; skipped when absent) served as one site — robots.txt allowing, a sitemap giving
 * every page today's {@code <lastmod>}, a plain list page linking them all — and registered with a
 * running portal as two sources without a category. Asserted: every page stored once, the list
 * source fetching none again, a re-poll fetching none again, no stored date the page does not
 * give. Measured and printed, with thresholds the other parts of issue 17 raise: the share
 * published without an editor, the share of those in a right category, 来源 known, excerpts
 * opening with boilerplate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.demo-content=false", "huiwen.collect.allow-private-hosts=true",
                "huiwen.collect.host-delay=10ms", "huiwen.collect.retry-backoff=10ms"})
class RealChinesePagesAsASiteTest {

    static final Path EVAL = Path.of("../shared/eval/zh");
    /** Written by the category work: page id, then the right category slug(s); absent until then. */
    static final Path EXPECTED_CATEGORIES = Path.of("src/test/resources/zh-eval-categories.tsv");

    // Issue 17 asks for 0.75 published without an editor, 0.95 of those in a right category, 0.80 with 来源 and no
    // excerpt opening with boilerplate.
    static final double MIN_PUBLISHED_WITHOUT_EDITOR = 0.75;
    static final double MIN_PUBLISHED_IN_RIGHT_CATEGORY = 0.95;
    static final double MIN_SOURCE_KNOWN = 0.80;
    static final int MAX_EXCERPTS_OPENING_WITH_BOILERPLATE = 0;

    /** How an excerpt must not open: a reposting note, a location trail, an editor's note or credit, a photo credit. */
    static final Pattern BOILERPLATE_OPENING = Pattern.compile(
            "^[\\s（(【\\[]*(?:原标题|您所在的位置|当前位置|编前语|编者按|责编|责任编辑|图[/／]|图片来源|视觉中国|资料图)");

    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
    static final JsonMapper JSON = JsonMapper.builder().build();
    @RegisterExtension
    static final FakeSiteExtension SITE = new FakeSiteExtension();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("zh-as-a-site").toString());
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    /** One page of the evaluation set and what a reader of it found there. */
    record EvalPage(String id, String title, String publishTime, byte[] html) {
        String path() {
            return "/article/" + id + ".html";
        }
    }

    /** What the portal stored of one page. */
    record StoredPage(long id, String status, OffsetDateTime publishTime, String source, String excerpt, String category) {}

    @Test
    void realPagesServedAsASiteComeOutStoredOnceAndUndatedWhenTheyGiveNoDate() throws Exception {
        assumeTrue(Files.isDirectory(EVAL.resolve("html")), "the evaluation pages are not beside the project");
        List<EvalPage> pages = pages();
        serve(pages);

        JsonNode bySitemap = poll(source(SITE.url("/sitemap.xml"), "sitemap"));
        JsonNode byList = poll(source(SITE.url("/latest/"), "list"));
        Map<String, List<StoredPage>> stored = storedByPage();
        List<String> report = new ArrayList<>();
        report.add("sitemap poll: " + bySitemap);
        report.add("list poll:    " + byList);

        assertThat(stored.keySet()).as("every page stored").containsExactlyInAnyOrderElementsOf(pages.stream().map(EvalPage::id).toList());
        assertThat(stored.values()).as("every page stored once").allMatch(s -> s.size() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isEqualTo(pages.size());
        assertThat(byList.get("stored").asInt()).as("the list source links the same pages").isZero();
        long fetchedBefore = articleFetches(pages);
        JsonNode again = poll(bySitemap.get("source_id").asLong());
        assertThat(articleFetches(pages)).as("a re-poll fetches no stored page again: " + again).isEqualTo(fetchedBefore);

        int published = 0, rightlyPlaced = 0, judged = 0, sourced = 0, boilerplate = 0;
        Map<String, Set<String>> expected = expectedCategories();
        report.add(String.format("%-12s %-10s %-22s %-20s %-10s %-12s %s", "page", "status", "stored date", "page's date", "category",
                "来源", "excerpt"));
        for (EvalPage page : pages) {
            StoredPage s = stored.get(page.id()).get(0);
            LocalDate day = s.publishTime() == null ? null : s.publishTime().atZoneSameInstant(ZoneOffset.ofHours(8)).toLocalDate();
            if (page.publishTime() == null && day != null) {
                // no printed date (wechat-1 prints only 昨天): a date may still come from the page's own script variable,
                // never from the sitemap's <lastmod> or the fetch, which are both today
                assertThat(day).as(page.id() + " prints no date; one stored for it is not today's <lastmod> or fetch time")
                        .isBefore(LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1));
            } else if (day != null) {
                assertThat(day).as(page.id() + ": a stored date is the page's own").isEqualTo(LocalDate.parse(page.publishTime().substring(0, 10)));
            }
            boolean isPublished = s.status().equals("published");
            published += isPublished ? 1 : 0;
            if (isPublished && expected.containsKey(page.id())) {
                judged++;
                rightlyPlaced += expected.get(page.id()).contains(s.category()) ? 1 : 0;
            }
            sourced += s.source() != null && !s.source().isBlank() ? 1 : 0;
            String excerpt = s.excerpt() == null ? "" : s.excerpt();
            boolean badOpening = BOILERPLATE_OPENING.matcher(excerpt).find();
            boilerplate += badOpening ? 1 : 0;
            report.add(String.format("%-12s %-10s %-22s %-20s %-10s %-12s %s%s", page.id(), s.status(), s.publishTime(), page.publishTime(),
                    s.category(), s.source(), badOpening ? "BOILERPLATE " : "", excerpt.substring(0, Math.min(24, excerpt.length()))));
        }
        double publishedShare = published / (double) pages.size();
        double sourceShare = sourced / (double) pages.size();
        report.add(String.format("published without an editor: %d of %d (%.2f; issue 17 asks 0.75)", published, pages.size(), publishedShare));
        report.add(expected.isEmpty() ? "right category: no expected categories (" + EXPECTED_CATEGORIES + " absent)"
                : String.format("published in a right category: %d of %d judged (%.2f; issue 17 asks 0.95)", rightlyPlaced, judged,
                        judged == 0 ? 0 : rightlyPlaced / (double) judged));
        report.add(String.format("来源 known: %d of %d (%.2f; issue 17 asks 0.80)", sourced, pages.size(), sourceShare));
        report.add(String.format("excerpts opening with boilerplate: %d (issue 17 asks none)", boilerplate));
        System.out.println(String.join("\n", report));

        assertThat(publishedShare).as("published without an editor").isGreaterThanOrEqualTo(MIN_PUBLISHED_WITHOUT_EDITOR);
        if (judged > 0) {
            assertThat(rightlyPlaced / (double) judged).as("published in a right category").isGreaterThanOrEqualTo(MIN_PUBLISHED_IN_RIGHT_CATEGORY);
        }
        assertThat(sourceShare).as("来源 known").isGreaterThanOrEqualTo(MIN_SOURCE_KNOWN);
        assertThat(boilerplate).as("excerpts opening with boilerplate").isLessThanOrEqualTo(MAX_EXCERPTS_OPENING_WITH_BOILERPLATE);
    }

    static List<EvalPage> pages() throws Exception {
        List<EvalPage> pages = new ArrayList<>();
        for (JsonNode p : JSON.readTree(Files.readString(EVAL.resolve("ground-truth.json")))) {
            String id = p.get("id").asString();
            JsonNode time = p.get("publish_time");
            pages.add(new EvalPage(id, p.get("title").asString(), time == null || time.isNull() ? null : time.asString(),
                    Files.readAllBytes(EVAL.resolve("html").resolve(id + ".html"))));
        }
        return pages;
    }

    /** robots.txt allowing all, a sitemap with today's lastmod for every page, a plain list page, the pages as stored upstream. */
    static void serve(List<EvalPage> pages) {
        String today = LocalDate.now(ZoneOffset.ofHours(8)).toString();
        StringBuilder sitemap = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        StringBuilder list = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>最新</title></head><body><ul class=\"news\">");
        for (EvalPage page : pages) {
            sitemap.append("<url><loc>").append(SITE.url(page.path())).append("</loc><lastmod>").append(today).append("</lastmod></url>");
            list.append("<li><a href=\"").append(page.path()).append("\">").append(XmlEscape.text(page.title())).append("</a></li>");
            SITE.page(page.path(), "text/html", page.html(), null);
        }
        SITE.page("/robots.txt", "text/plain", "User-agent: *\nAllow: /\n");
        SITE.page("/sitemap.xml", "application/xml", sitemap.append("</urlset>").toString());
        SITE.page("/latest/", "text/html; charset=utf-8", list.append("</ul></body></html>").toString());
    }

    long articleFetches(List<EvalPage> pages) {
        return pages.stream().mapToLong(p -> SITE.count(p.path())).sum();
    }

    long source(URI url, String type) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/sources",
                "{\"url\":\"" + url + "\",\"type\":\"" + type + "\",\"enabled\":false}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    JsonNode poll(long sourceId) throws Exception {
        HttpResponse<String> run = send("POST", "/api/v1/sources/" + sourceId + "/run", "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        return JSON.readTree(run.body()).get("poll");
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", BASIC)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The stored articles by the page they were fetched from. */
    Map<String, List<StoredPage>> storedByPage() {
        Map<String, List<StoredPage>> byPage = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.url, a.id, a.status, a.publish_time, a.source, a.excerpt, c.slug FROM raw_page r JOIN article a ON a.id = r.article_id
                LEFT JOIN category c ON c.id = a.category_id ORDER BY a.id
                """).query((rs, i) -> {
            String url = rs.getString(1);
            String id = url.substring(url.lastIndexOf('/') + 1, url.length() - ".html".length());
            byPage.computeIfAbsent(id, k -> new ArrayList<>()).add(new StoredPage(rs.getLong(2), rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7)));
            return id;
        }).list();
        return byPage;
    }

    /** Page id → the categories an editor would accept, from the category work's file (tab-separated; slugs split on , | or space). */
    static Map<String, Set<String>> expectedCategories() throws Exception {
        Map<String, Set<String>> expected = new HashMap<>();
        if (!Files.exists(EXPECTED_CATEGORIES)) {
            return expected;
        }
        for (String line : Files.readAllLines(EXPECTED_CATEGORIES, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\t");
            if (line.isBlank() || line.startsWith("#") || cells.length < 2) {
                continue;
            }
            expected.put(cells[0].strip(), Set.of(cells[1].strip().split("[,|\\s]+")));
        }
        return expected;
    }

    /** Text for the list page's links. */
    static final class XmlEscape {
        static String text(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}

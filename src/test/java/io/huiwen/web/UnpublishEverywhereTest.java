package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.AuditLog;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A takedown over real HTTP against the running portal with its default sync interval: an editor
 * unpublishes the lead of a three-outlet story through the API, and within 2 s the article is gone
 * from every place a reader meets it — its page (404, though a copy was cached), the home, category
 * and tag pages, 热门 and 最新, search (page and API, both cached before), the feeds, the sitemap,
 * another article's 相关阅读, the other outlets' "also reported by", and the JSON API — while its
 * story stays listed under another lead. Published again, it is back in every one of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
class UnpublishEverywhereTest {

    static final Path DATA = TestDataDir.create("unpublish-everywhere");
    static final Duration WITHIN = Duration.ofSeconds(2);
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ArticleRepository articles;
    @Autowired AuditLog audit;
    @Autowired io.huiwen.rank.ViewCounter views;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, DemoSite.BROWSER);
    }

    HttpResponse<String> send(String method, String path, String body, String userAgent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("User-Agent", userAgent);
        if (body != null) {
            request.header("Authorization", BASIC).header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null);
    }

    JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static boolean links(String body, long id) {
        return Pattern.compile("/a/" + id + "(?![0-9])").matcher(body).find();
    }

    static boolean hasItem(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    /** Where the article shows, each as "does it show there now?" (for a 200 page: does it link to the article). */
    Map<String, Check> places(long id, long otherReport, String tag, String query) {
        Map<String, Check> p = new LinkedHashMap<>();
        p.put("article page", () -> get("/a/" + id).statusCode() == 200);
        p.put("article JSON", () -> get("/api/v1/articles/" + id).statusCode() == 200);
        p.put("related JSON of the article", () -> get("/api/v1/articles/" + id + "/related").statusCode() == 200);
        for (String page : List.of("/", "/c/shehui", "/c/shehui?page=1", "/feed.xml", "/c/shehui/feed.xml", "/atom.xml", "/sitemap.xml",
                "/search?q=" + enc(query) + "&reports=all")) {
            p.put(page, () -> links(get(page).body(), id));
        }
        p.put("tag page", () -> {
            HttpResponse<String> r = get("/t/" + enc(tag));
            return r.statusCode() == 200 && links(r.body(), id);
        });
        p.put("also reported by, on the other outlet's page", () -> links(get("/a/" + otherReport).body(), id));
        p.put("also_reported_by, in the other outlet's JSON", () -> json("/api/v1/articles/" + otherReport).get("also_reported_by").toString()
                .contains("\"id\":" + id + ","));
        p.put("最新 JSON", () -> hasItem(json("/api/v1/latest?size=100").get("items"), id));
        p.put("热门 JSON", () -> hasItem(json("/api/v1/hot?size=100").get("items"), id));
        p.put("category JSON", () -> hasItem(json("/api/v1/articles?category=shehui&size=100").get("items"), id));
        p.put("search JSON", () -> hasItem(json("/api/v1/search?q=" + enc(query) + "&reports=all&size=50").get("items"), id));
        return p;
    }

    /** The 相关阅读 of another article that lists the article (page and JSON), and the article's own page. */
    Map<String, Check> relatedPlaces(long id, long relatedOf) {
        Map<String, Check> p = new LinkedHashMap<>();
        p.put("article page", () -> get("/a/" + id).statusCode() == 200);
        p.put("相关阅读 of another article, page", () -> links(get("/a/" + relatedOf).body().split("class=\"related\"")[1].split("</section>")[0], id));
        p.put("related JSON of another article", () -> hasItem(json("/api/v1/articles/" + relatedOf + "/related").get("items"), id));
        return p;
    }

    interface Check {
        boolean shows() throws Exception;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The places where the article's showing is not {@code expected}. */
    static List<String> wrong(Map<String, Check> places, boolean expected) throws Exception {
        List<String> out = new ArrayList<>();
        for (var e : places.entrySet()) {
            if (e.getValue().shows() != expected) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** Waits for every place to show (or not) the article; the time it took. */
    static Duration settle(Map<String, Check> places, boolean expected) throws Exception {
        long start = System.nanoTime();
        List<String> left = wrong(places, expected);
        while (!left.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(50);
            left = wrong(places, expected);
        }
        assertThat(left).as("places still " + (expected ? "without" : "showing") + " the article").isEmpty();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void anUnpublishedArticleLeavesEveryPlaceWithinTwoSecondsAndComesBackOnPublish() throws Exception {
        long lead = DemoSite.idOfTitle(articles, "社区长者食堂");
        var article = articles.findById(lead).orElseThrow();
        var others = articles.storyMembers(article.storyId(), lead);
        assertThat(others).as("a story three outlets carry").hasSize(2);
        long otherReport = others.get(0).id();
        String tag = article.tags().get(0);
        // 相关阅读 shows a story by whichever of its reports matches best, not always by the lead the lists
        // show: find a report of the story that another article lists, and take that one down too
        long[] listed = null;
        for (long member : java.util.stream.Stream.concat(java.util.stream.Stream.of(lead), others.stream().map(o -> o.id())).toList()) {
            for (var candidate : articles.latest(1, 100).items()) {
                long id = candidate.id();
                if (articles.findById(id).orElseThrow().storyId() != article.storyId()
                        && hasItem(json("/api/v1/articles/" + id + "/related").get("items"), member)) {
                    listed = new long[] {member, id};
                    break;
                }
            }
            if (listed != null) {
                break;
            }
        }
        assertThat(listed).as("another article lists a report of the story among its related articles").isNotNull();
        long relatedMember = listed[0];
        long relatedOf = listed[1];
        for (int reader = 0; reader < 5; reader++) { // read most of its story: the story's entry in 热门
            send("GET", "/a/" + lead, null, DemoSite.BROWSER + " reader/" + reader);
        }
        views.flush();
        Map<String, Check> places = places(lead, otherReport, tag, "长者食堂");
        if (relatedMember == lead) {
            places.putAll(relatedPlaces(lead, relatedOf));
        }
        settle(places, true); // everything shows it, and is cached now: pages, search answers, 热门
        assertThat(get("/a/" + lead).headers().firstValue(PageCacheFilter.X_CACHE)).hasValue("HIT");
        assertThat(get("/search?q=" + enc("长者食堂") + "&reports=all").headers().firstValue(PageCacheFilter.X_CACHE)).hasValue("HIT");

        HttpResponse<String> down = send("POST", "/api/v1/articles/" + lead + "/unpublish", "{}");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(200);
        assertThat(JSON.readTree(down.body()).get("unpublished").asBoolean()).isTrue();
        assertThat(settle(places, false)).isLessThanOrEqualTo(WITHIN);
        assertThat(get("/a/" + lead).statusCode()).isEqualTo(404);
        assertThat(get("/c/shehui").body()).as("the story stays, under another lead").contains("/a/" + otherReport + "\"").contains("2 家媒体报道");
        assertThat(audit.find(new AuditLog.Filter("admin", "article.unpublish", "article", Long.toString(lead)), 1, 10).total()).isEqualTo(1);

        HttpResponse<String> up = send("POST", "/api/v1/articles/" + lead + "/publish", "{}");
        assertThat(JSON.readTree(up.body()).get("published").asBoolean()).as(up.body()).isTrue();
        assertThat(settle(places, true)).isLessThanOrEqualTo(WITHIN);
        assertThat(get("/c/shehui").body()).contains("3 家媒体报道");
        assertThat(audit.find(new AuditLog.Filter("admin", "article.publish", "article", Long.toString(lead)), 1, 10).total()).isEqualTo(1);

        if (relatedMember != lead) { // the report 相关阅读 shows leaves it and comes back the same way
            Map<String, Check> related = relatedPlaces(relatedMember, relatedOf);
            settle(related, true);
            assertThat(send("POST", "/api/v1/articles/" + relatedMember + "/unpublish", "{}").statusCode()).isEqualTo(200);
            assertThat(settle(related, false)).isLessThanOrEqualTo(WITHIN);
            assertThat(send("POST", "/api/v1/articles/" + relatedMember + "/publish", "{}").statusCode()).isEqualTo(200);
            assertThat(settle(related, true)).isLessThanOrEqualTo(WITHIN);
        }
    }
}

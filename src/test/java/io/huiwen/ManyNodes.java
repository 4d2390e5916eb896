package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.collect.FakeSite;
import io.huiwen.collect.FakeSiteExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two portal nodes, each a JVM of its own with its own data directory, on one PostgreSQL database
 * and one search backend (each node's embedded index, or one shared OpenSearch index: the
 * subclasses), collecting from the same outlets; a {@code import} command writes
 * into the same database while both run, and a {@code source add} while one is down. Every article, collected by either node or imported, is
 * found by a search on both nodes within 20 s; a node killed while articles keep coming finds them
 * all once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManyNodes {

    final java.util.Optional<TestPostgres> DB = TestPostgres.create("huiwen_nodes_");
    static final Duration FOUND_WITHIN = Duration.ofSeconds(20);
    static final Duration START = Duration.ofSeconds(150);
    static final String PASSWORD = "nodes-test-admin";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int OUTLETS = 4, PER_OUTLET = 10;

    /** Marker word → title, for every article an outlet or an import file holds. */
    static final Map<String, String> articles = new LinkedHashMap<>();

    @RegisterExtension
    final FakeSiteExtension site = new FakeSiteExtension(ManyNodes::outlets);

    final Node a = new Node("node-a"), b = new Node("node-b");

    /** The search settings every node and command gets. */
    abstract List<String> searchSettings();

    /** The change log's reader names that may appear: the nodes' own indexes, or the shared one. */
    abstract String readerPattern();

    @BeforeAll
    void startBoth() throws Exception {
        assumeTrue(DB.isPresent(), "no PostgreSQL server at " + TestPostgres.SERVER);
        a.start();
        b.start(); // at once, as an orchestrator starts them: both migrate and seed one empty database
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    void stopBoth() throws Exception {
        a.close();
        b.close();
    }

    @Test
    @Order(1)
    void articlesCollectedByEitherNodeAreFoundOnBoth() throws Exception {
        for (int k = 1; k <= 3; k++) {
            addSource(a, k);
        }
        awaitStored(3 * PER_OUTLET);
        assertFoundOn(List.of(a, b), markers(1, 2, 3));
    }

    @Test
    @Order(2)
    void articlesImportedByTheCommandWhileBothRunAreFoundOnBoth() throws Exception {
        Path files = Files.createTempDirectory("huiwen-nodes-import");
        List<String> imported = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String marker = marker(9, i);
            Files.writeString(files.resolve("import-" + i + ".html"), articleHtml(9, i, marker));
            imported.add(marker);
        }
        Path dataDir = TestDataDir.create("nodes-cli");
        ProductProcess cli = ProductProcess.start(args("import", "--category=keji",
                "--spring.datasource.url=" + DB.orElseThrow().url(), "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=", "--huiwen.data-dir=" + dataDir, searchSettings(), files.toString()), dataDir.resolve("import.log"));
        assertThat(cli.awaitExit(Duration.ofSeconds(120))).as("import (see %s)", cli.log()).isZero();
        List<String> out = cli.printed();
        assertThat(out).anyMatch(l -> l.startsWith("imported 6, duplicates 0, failed 0"));
        assertThat(out).as("the command indexes nothing of its own on a shared database").noneMatch(l -> l.startsWith("indexed "));
        assertThat(readers()).as("and does not read the change log").isNotEmpty().allMatch(r -> r.matches(readerPattern()));

        assertFoundOn(List.of(a, b), imported);
    }

    @Test
    @Order(3)
    void aNodeKilledWhileArticlesKeepComingFindsThemWhenItIsBack() throws Exception {
        b.kill();
        long before = stored();
        // this time from the shell, into the same database, while node a runs
        Path dataDir = TestDataDir.create("nodes-source");
        ProductProcess cli = ProductProcess.start(List.of("source", "add", site.url("/o4/feed.xml").toString(), "--category=keji", "--type=feed",
                "--spring.datasource.url=" + DB.orElseThrow().url(), "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=", "--huiwen.data-dir=" + dataDir, "--huiwen.collect.allow-private-hosts=true"),
                dataDir.resolve("source.log"));
        assertThat(cli.awaitExit(Duration.ofSeconds(120))).as("source add (see %s)", cli.log()).isZero();
        assertThat(cli.printed()).anyMatch(l -> l.startsWith("added source "));
        awaitStored(before + PER_OUTLET);
        b.start();
        b.awaitReady();
        assertFoundOn(List.of(b, a), markers(1, 2, 3, 4));
    }

    /** Command-line arguments: strings, and lists of them spliced in. */
    static List<String> args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(x -> out.add((String) x));
            } else {
                out.add((String) part);
            }
        }
        return out;
    }

    // ---- the outlets

    static void outlets(FakeSite site) {
        for (int k = 1; k <= OUTLETS; k++) {
            StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>outlet " + k
                    + "</title><link>" + site.url("/") + "</link>");
            for (int i = 1; i <= PER_OUTLET; i++) {
                String marker = marker(k, i);
                String path = "/o" + k + "/" + i + ".html";
                site.page(path, "text/html; charset=utf-8", articleHtml(k, i, marker));
                feed.append("<item><title>").append(title(k, i)).append("</title><link>").append(site.url(path))
                        .append("</link><pubDate>Sun, 29 Nov 2026 0").append(i % 10).append(":00:00 +0800</pubDate></item>");
            }
            site.page("/o" + k + "/feed.xml", "application/rss+xml; charset=utf-8", feed.append("</channel></rss>").toString());
        }
    }

    static String marker(int outlet, int i) {
        return "hwmark" + (char) ('a' + outlet) + (char) ('a' + i);
    }

    static List<String> markers(int... outlets) {
        List<String> out = new ArrayList<>();
        for (int k : outlets) {
            for (int i = 1; i <= PER_OUTLET; i++) {
                out.add(marker(k, i));
            }
        }
        return out;
    }

    static String title(int outlet, int i) {
        return GeneratedPages.PLACES.get((outlet * 7 + i) % GeneratedPages.PLACES.size()) + GeneratedPages.SUBJECTS.get((outlet * 5 + i * 3) % GeneratedPages.SUBJECTS.size())
                + "第" + outlet + "路第" + i + "篇";
    }

    static String articleHtml(int outlet, int i, String marker) {
        String title = title(outlet, i);
        articles.put(marker, title);
        Random r = new Random(outlet * 1000L + i);
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 4; p++) {
            body.append("<p>").append(GeneratedPages.paragraph(r)).append("</p>");
        }
        body.append("<p>本报记者在现场看到，代号 ").append(marker).append(" 的项目已经开工。</p>");
        return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + title + "_第" + outlet + "新闻网</title>"
                + "<meta property=\"article:published_time\" content=\"2026-11-29T0" + (i % 10) + ":00:00+08:00\"></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/keji\">科技</a></div>"
                + "<h1>" + title + "</h1><div class=\"info\">2026-11-29 来源：第" + outlet + "新闻网</div>"
                + "<div class=\"article-content\">" + body + "</div><div class=\"footer\">版权所有</div></body></html>";
    }

    // ---- checks

    void addSource(Node node, int outlet) throws Exception {
        String json = JSON.writeValueAsString(Map.of("name", "第" + outlet + "新闻网", "url", site.url("/o" + outlet + "/feed.xml").toString(),
                "type", "feed", "category", "keji", "interval_minutes", 60));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/sources"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("source added: %s", r.body()).isEqualTo(201);
    }

    void awaitStored(long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (stored() < count) {
            assertThat(System.nanoTime()).as("%d articles stored in time (%d so far; see %s)", count, stored(), a.log()).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    long stored() throws Exception {
        try (var c = DriverManager.getConnection(DB.orElseThrow().url(), TestPostgres.USER, "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM article")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> readers() throws Exception {
        try (var c = DriverManager.getConnection(DB.orElseThrow().url(), TestPostgres.USER, "");
             var rs = c.createStatement().executeQuery("SELECT name FROM change_reader")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** Every marker's article is found by a search on every node, within {@link #FOUND_WITHIN} from now. */
    void assertFoundOn(List<Node> nodes, List<String> markers) throws Exception {
        long deadline = System.nanoTime() + FOUND_WITHIN.toNanos();
        for (Node node : nodes) {
            for (String marker : markers) {
                while (true) {
                    JsonNode found = search(node, marker);
                    if (found.path("total").asLong() == 1) {
                        assertThat(found.path("items").get(0).path("title").asString()).isEqualTo(articles.get(marker));
                        break;
                    }
                    assertThat(System.nanoTime()).as("%s finds %s (%s) within %s", node.id, marker, articles.get(marker), FOUND_WITHIN)
                            .isLessThan(deadline);
                    TimeUnit.MILLISECONDS.sleep(250);
                }
            }
        }
    }

    JsonNode search(Node node, String q) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("search on %s: %s", node.id, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** One portal node: its own port, data directory (index and node id) and log. */
    final class Node implements AutoCloseable {
        final String id;
        final Path dataDir;
        int port;
        ProductProcess process;

        Node(String id) {
            this.id = id;
            this.dataDir = TestDataDir.create(id);
        }

        void start() throws Exception {
            port = ProductProcess.freePort();
            process = ProductProcess.start(args("--server.port=" + port, "--spring.datasource.url=" + DB.orElseThrow().url(),
                    "--spring.datasource.username=" + TestPostgres.USER, "--spring.datasource.password=",
                    "--huiwen.data-dir=" + dataDir, "--huiwen.node-id=" + id, "--huiwen.demo-content=false",
                    "--huiwen.admin.password=" + PASSWORD, "--huiwen.collect.allow-private-hosts=true",
                    "--huiwen.collect.tick=1s", "--huiwen.collect.initial-delay=1s", "--huiwen.collect.host-delay=50ms",
                    "--logging.level.root=warn", searchSettings()), dataDir.resolve("serve-" + System.nanoTime() + ".log"));
        }

        void awaitReady() throws Exception {
            process.awaitReady(HTTP, base(), START);
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        Path log() {
            return process.log();
        }

        void kill() throws InterruptedException {
            process.kill();
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.close();
            }
        }
    }
}

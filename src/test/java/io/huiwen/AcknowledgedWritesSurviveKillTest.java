package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Huiwen acknowledged is stored, even when its process is killed (SIGKILL) the instant
 * after: ids that {@code import} printed, and an editor's category change that the API answered
 * 200. The product runs as a child JVM on the test classpath, as {@code java -jar} would run it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AcknowledgedWritesSurviveKillTest {

    static final Path DATA = TestDataDir.create("kill");
    static final Pattern IMPORTED = Pattern.compile("imported  \\S+ -> /a/(\\d+) (.+?)(  \\[awaiting review.*)?$");
    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Ids and titles that import printed before it was killed. */
    static final Map<Long, String> acknowledged = new LinkedHashMap<>();
    static final List<ProductProcess> children = new ArrayList<>();

    @AfterAll
    static void endChildren() throws InterruptedException {
        for (ProductProcess child : children) {
            child.close();
        }
    }

    @Test
    @Order(1)
    void everyIdThatImportPrintedIsStoredAfterKillNine() throws Exception {
        Path pages = Files.createTempDirectory("huiwen-kill-pages");
        GeneratedPages.write(pages, 40, 11);
        ProductProcess importer = start(List.of("import", "--huiwen.data-dir=" + DATA, pages.toString()), DATA.resolve("import.log"));
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (acknowledged.size() < 8) {
            String line = importer.nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            assertThat(line).as("import printed 8 acknowledgements in time (see %s)", importer.log()).isNotNull();
            acknowledge(line);
        }
        importer.kill();
        // Lines already in the pipe were printed before the kill, so they were acknowledged too.
        importer.printed().forEach(AcknowledgedWritesSurviveKillTest::acknowledge);
        assertThat(importer.process().exitValue()).as("killed, not finished").isNotZero();

        assertThat(storedTitles()).containsAllEntriesOf(acknowledged);
    }

    @Test
    @Order(2)
    void aCategoryChangeAnsweredWith200SurvivesKillNine() throws Exception {
        assertThat(acknowledged).isNotEmpty();
        int stored = storedTitles().size();
        int port = ProductProcess.freePort();
        ProductProcess server = start(List.of("--server.port=" + port, "--huiwen.data-dir=" + DATA, "--huiwen.demo-content=false",
                "--huiwen.collect.enabled=false", "--huiwen.admin.password=kill-test"), DATA.resolve("serve.log"));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        server.awaitReady(http, base, DEADLINE);
        // The import was killed before it indexed anything; the server's index catches up with the database.
        assertThat(awaitIndexed(http, base, server.process(), stored)).isEqualTo(stored);

        long id = acknowledged.keySet().iterator().next();
        HttpResponse<String> article = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(article.statusCode()).isEqualTo(200);
        String was = JSON.readTree(article.body()).get("category").get("slug").asString();
        String chosen = was.equals("tiyu") ? "wenhua" : "tiyu";

        HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id + "/category"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:kill-test".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"category\": \"" + chosen + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        server.kill();
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);

        try (var db = DriverManager.getConnection(DataDirectoryInitializer.h2Url(DATA, Duration.ZERO), "sa", "");
             var q = db.prepareStatement("SELECT c.slug FROM article a JOIN category c ON c.id = a.category_id WHERE a.id = ?")) {
            q.setLong(1, id);
            try (var rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(chosen);
            }
        }
        assertThat(storedTitles()).containsAllEntriesOf(acknowledged);
    }

    static final Pattern INDEX_GAUGE = Pattern.compile("(?m)^huiwen_search_index_documents(?:\\{[^}]*})? (\\S+)$");

    /** The index gauge on /actuator/prometheus, polled until it shows {@code expected} or the deadline passes. */
    private static long awaitIndexed(HttpClient http, String base, Process server, long expected) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long shown = -1;
        while (shown != expected && System.nanoTime() < deadline) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")) // ADMIN only
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:kill-test".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = INDEX_GAUGE.matcher(metrics);
            assertThat(m.find()).as("gauge on /actuator/prometheus").isTrue();
            shown = (long) Double.parseDouble(m.group(1));
            if (shown != expected) {
                server.waitFor(200, TimeUnit.MILLISECONDS);
            }
        }
        return shown;
    }

    private static void acknowledge(String line) {
        Matcher m = IMPORTED.matcher(line);
        if (m.find()) {
            acknowledged.put(Long.parseLong(m.group(1)), m.group(2));
        }
    }

    /** Opens the data directory's database the way the product does, with the product stopped. */
    private static Map<Long, String> storedTitles() throws Exception {
        Map<Long, String> stored = new LinkedHashMap<>();
        try (var db = DriverManager.getConnection(DataDirectoryInitializer.h2Url(DATA, Duration.ZERO), "sa", "");
             var rs = db.createStatement().executeQuery("SELECT id, title FROM article ORDER BY id")) {
            while (rs.next()) {
                stored.put(rs.getLong(1), rs.getString(2));
            }
        }
        return stored;
    }

    private static ProductProcess start(List<String> args, Path log) throws IOException {
        ProductProcess p = ProductProcess.start(args, log);
        children.add(p);
        return p;
    }
}

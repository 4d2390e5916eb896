package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
    static final List<Process> children = new ArrayList<>();

    @AfterAll
    static void endChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    @Order(1)
    void everyIdThatImportPrintedIsStoredAfterKillNine() throws Exception {
        Path pages = Files.createTempDirectory("huiwen-kill-pages");
        GeneratedPages.write(pages, 40, 11);
        Process importer = start(List.of("import", "--huiwen.data-dir=" + DATA, pages.toString()), DATA.resolve("import.log"));
        BlockingQueue<String> lines = lines(importer);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (acknowledged.size() < 8) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(line).as("import printed 8 acknowledgements in time (see %s)", DATA.resolve("import.log")).isNotNull();
            acknowledge(line);
        }
        importer.destroyForcibly().waitFor();
        // Lines already in the pipe were printed before the kill, so they were acknowledged too.
        for (String line; (line = lines.poll()) != null; ) {
            acknowledge(line);
        }
        assertThat(importer.exitValue()).as("killed, not finished").isNotZero();

        assertThat(storedTitles()).containsAllEntriesOf(acknowledged);
    }

    @Test
    @Order(2)
    void aCategoryChangeAnsweredWith200SurvivesKillNine() throws Exception {
        assertThat(acknowledged).isNotEmpty();
        int stored = storedTitles().size();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = start(List.of("--server.port=" + port, "--huiwen.data-dir=" + DATA, "--huiwen.demo-content=false",
                "--huiwen.collect.enabled=false", "--huiwen.admin.password=kill-test"), DATA.resolve("serve.log"));
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        awaitHealthy(http, base, server);
        // The import was killed before it indexed anything; the server's index catches up with the database.
        assertThat(awaitIndexed(http, base, server, stored)).isEqualTo(stored);

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
        server.destroyForcibly().waitFor();
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
            String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
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

    /** The product's main in a JVM of its own; stdout stays readable, stderr goes to {@code log}. */
    private static Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), HuiwenApplication.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        children.add(p);
        return p;
    }

    private static BlockingQueue<String> lines(Process p) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static void awaitHealthy(HttpClient http, String base, Process server) throws Exception {
        // Drain the server's stdout so its logging never blocks on a full pipe.
        lines(server);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server running (see %s)", DATA.resolve("serve.log")).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // poll again
            }
            server.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("server did not answer /actuator/health within " + DEADLINE);
    }
}

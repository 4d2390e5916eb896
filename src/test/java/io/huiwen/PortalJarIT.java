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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a reader and an operator meet it: {@code java -jar target/huiwen.jar}, which
 * starts from the bean definitions the build made ahead of time (Spring AOT), serves what the tests
 * on compiled classes show it serving, still honours Huiwen's own choices given at start, and starts
 * the usual way when a Spring or actuator setting the build fixed is given. Run by failsafe after
 * {@code package} ({@code ./mvnw verify}).
 */
class PortalJarIT {

    private static final Path JAR = Path.of("target", "huiwen.jar");
    private static final Duration START = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void theJarStartsFromTheBuildsBeanDefinitionsAndServesReadersAndEditors() throws Exception {
        int port = ProductProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        try (Jar jar = Jar.start(temp, "--server.port=" + port, "--huiwen.collect.enabled=false", "--huiwen.admin.password=jar-admin-secret")) {
            String home = jar.awaitHomeWithArticles(http, base);
            assertThat(jar.log()).contains("Starting AOT-processed HuiwenApplication").doesNotContain("starting without the build's");

            Matcher link = Pattern.compile("href=\"(/a/\\d+)\"").matcher(home);
            assertThat(link.find()).as("the home page links an article").isTrue();
            HttpResponse<String> article = get(base + link.group(1));
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(article.body()).contains("<h1").contains("相关阅读");

            HttpResponse<String> search = get(base + "/search?q=" + java.net.URLEncoder.encode("机器人", StandardCharsets.UTF_8));
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.body()).contains("href=\"/a/");

            assertThat(get(base + "/login").body()).contains("name=\"password\"");
            HttpResponse<String> unsigned = get(base + "/api/v1/articles?status=review");
            assertThat(unsigned.statusCode()).isEqualTo(401);
            String basic = Base64.getEncoder().encodeToString("admin:jar-admin-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles?status=review"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(queue.statusCode()).isEqualTo(200);
            assertThat(queue.body()).startsWith("{\"total\":");

            assertThat(get(base + "/actuator/health").body()).contains("\"status\":\"UP\"");
            assertThat(get(base + "/feed.xml").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void huiwensOwnChoicesHoldAndAManagementPortStartsTheUsualWay() throws Exception {
        int port = ProductProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        try (Jar jar = Jar.start(temp.resolve("no-demo"), "--server.port=" + port, "--huiwen.demo-content=false", "--huiwen.collect.enabled=false")) {
            jar.awaitReady(http, base);
            assertThat(jar.log()).contains("Starting AOT-processed HuiwenApplication");
            assertThat(get(base + "/api/v1/articles").body()).startsWith("{\"total\":0,");
        }

        int management = ProductProcess.freePort();
        try (Jar jar = Jar.start(temp.resolve("management"), "--server.port=" + port, "--management.server.port=" + management,
                "--huiwen.collect.enabled=false")) {
            jar.awaitHomeWithArticles(http, base);
            assertThat(jar.log()).contains("starting without the build's ahead-of-time bean definitions: management.server.port is set")
                    .doesNotContain("Starting AOT-processed");
            assertThat(get("http://127.0.0.1:" + management + "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(get(base + "/actuator/health").statusCode()).isEqualTo(404);
        }

        try (Jar jar = Jar.start(temp.resolve("opensearch"), "--server.port=" + port, "--huiwen.search.backend=opensearch",
                "--huiwen.search.opensearch.uris=http://127.0.0.1:9")) {
            assertThat(jar.awaitExit()).isNotZero();
            assertThat(jar.log()).contains("Starting AOT-processed HuiwenApplication").contains("OpenSearch at [http://127.0.0.1:9] cannot be used: ");
            assertThat(temp.resolve("opensearch").resolve("index")).doesNotExist();
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code java -jar target/huiwen.jar} with a data directory of its own; stdout and stderr in one log. */
    private record Jar(Process process, Path logFile) implements AutoCloseable {

        static Jar start(Path data, String... args) throws IOException {
            assertThat(JAR).as("the packaged jar (run by failsafe after package)").exists();
            Files.createDirectories(data);
            Path log = data.resolveSibling(data.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dfile.encoding=UTF-8", "-jar", JAR.toString(), "--huiwen.data-dir=" + data));
            command.addAll(List.of(args));
            return new Jar(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        }

        String log() throws IOException {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        }

        void awaitReady(HttpClient http, String base) throws Exception {
            awaitPage(http, base + "/actuator/health/readiness", body -> true);
        }

        String awaitHomeWithArticles(HttpClient http, String base) throws Exception {
            return awaitPage(http, base + "/", body -> body.contains("href=\"/a/"));
        }

        private String awaitPage(HttpClient http, String url, java.util.function.Predicate<String> wanted) throws Exception {
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the jar ended with status " + process.exitValue() + ":\n" + log());
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && wanted.test(response.body())) {
                        return response.body();
                    }
                } catch (IOException notListeningYet) {
                    // poll again
                }
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            throw new AssertionError("no answer from " + url + " within " + START + ":\n" + log());
        }

        int awaitExit() throws Exception {
            if (!process.waitFor(START.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the jar did not stop:\n" + log());
            }
            return process.exitValue();
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

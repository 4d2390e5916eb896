package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hundreds of readers at once on the real server: 200 clients, each on its own connection, ask for
 * articles, the home page, categories, tags, search, the JSON API and images for a few seconds
 * (and at least twice each, however slow the machine).
 * Every answer must be the intended one (200, or 404 for what does not exist) and no request may
 * wait for a database connection until the pool gives up. Once the pool deadlocked here: an
 * article lookup ran its tag query inside the row mapper, holding one connection while waiting
 * for another, and 32 readers stalled the whole portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadersUnderLoadTest {

    static final int CLIENTS = 200;
    static final Duration LOAD = Duration.ofSeconds(4);
    static final int REQUESTS_EACH_AT_LEAST = 2;
    static final Path DATA_DIR = TestDataDir.create("load");
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    static HttpServer imageHost;

    @LocalServerPort
    int port;

    @Autowired
    ArticleStore store;

    @Autowired
    IndexSync indexSync;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA_DIR::toString);
        registry.add("huiwen.demo-content", () -> "true");
        registry.add("huiwen.collect.enabled", () -> "false");
        registry.add("huiwen.collect.allow-private-hosts", () -> "true");
    }

    @BeforeAll
    static void startImageHost() throws IOException {
        imageHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        imageHost.createContext("/photo.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        imageHost.start();
    }

    @AfterAll
    static void stopImageHost() {
        imageHost.stop(0);
    }

    @Test
    void twoHundredReadersAtOnceGetTheirPagesAndThePoolNeverTimesOut() throws Exception {
        long withImage = storeArticleWithImage();
        long someArticle = jdbc.sql("SELECT MIN(id) FROM article WHERE status = 'published'").query(Long.class).single();
        String tag = jdbc.sql("SELECT tag FROM article_tag WHERE article_id = ? ORDER BY position LIMIT 1").param(someArticle)
                .query(String.class).single();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(8)).build();
        assertThat(waitForImage(client, withImage)).as("the proxied image once it is cached").isEqualTo(200);

        Map<String, Set<Integer>> intended = Map.ofEntries(
                Map.entry("/", Set.of(200)),
                Map.entry("/a/" + someArticle, Set.of(200)),
                Map.entry("/a/" + withImage, Set.of(200)),
                Map.entry("/a/999999", Set.of(404)),
                Map.entry("/c/caijing", Set.of(200)),
                Map.entry("/c/keji?page=1", Set.of(200)),
                Map.entry("/c/keji?page=99", Set.of(404)), // past the last page
                Map.entry("/t/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8), Set.of(200)),
                Map.entry("/search?q=%E6%9C%BA%E5%99%A8%E4%BA%BA", Set.of(200)),
                Map.entry("/api/v1/articles/" + someArticle, Set.of(200)),
                Map.entry("/api/v1/latest", Set.of(200)),
                Map.entry("/api/v1/hot", Set.of(200)),
                Map.entry("/api/v1/search?q=%E4%BD%99%E5%A7%9A", Set.of(200)),
                Map.entry("/api/v1/articles/" + someArticle + "/related", Set.of(200)),
                Map.entry("/img/" + withImage + "/0", Set.of(200)),
                Map.entry("/img/" + withImage + "/7", Set.of(404)),
                Map.entry("/feed.xml", Set.of(200)));
        List<String> paths = new ArrayList<>(intended.keySet());

        Map<String, Integer> unexpected = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        LongAdder answered = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(CLIENTS);
        long until = System.nanoTime() + LOAD.toNanos();
        for (int c = 0; c < CLIENTS; c++) {
            HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(); // one connection per reader
            readers.execute(() -> {
                await(start);
                for (int sent = 0; sent < REQUESTS_EACH_AT_LEAST || System.nanoTime() < until; sent++) {
                    String path = paths.get(Math.floorMod(next.getAndIncrement(), paths.size()));
                    try {
                        int status = own.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .timeout(Duration.ofSeconds(30)).header("User-Agent", "Mozilla/5.0 load test").build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        answered.increment();
                        if (!intended.get(path).contains(status)) {
                            unexpected.merge(path + " -> " + status, 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        failures.merge(path, e.toString(), (a, b) -> a);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        start.countDown();
        readers.shutdown();
        assertThat(readers.awaitTermination(2, TimeUnit.MINUTES)).as("every reader finished").isTrue();

        assertThat(failures).as("requests that failed without an answer").isEmpty();
        assertThat(unexpected).as("answers other than the intended status").isEmpty();
        assertThat(answered.sum()).as("answers in all").isGreaterThanOrEqualTo((long) CLIENTS * REQUESTS_EACH_AT_LEAST);
        double timeouts = meters.find("hikaricp.connections.timeout").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThat(timeouts).as("requests that gave up waiting for a database connection").isZero();
    }

    private long storeArticleWithImage() {
        String src = "http://127.0.0.1:" + imageHost.getAddress().getPort() + "/photo.png";
        String text = "江城湿地公园的白鹭今年提前一周归来，观鸟爱好者在栈道上记录到三百多只。\n\n"
                + "公园管理处说，去年修复的浅滩为白鹭提供了更多觅食地，今年还将增设两处观鸟屋。";
        long id = store.store(new ExtractedArticle("https://news.example.cn/egrets.html", "江城湿地公园白鹭提前归来",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2), "江城晚报", null, null, List.of("首页", "社会"), text,
                "<p>" + text + "</p><figure><img src=\"" + src + "\"><figcaption>白鹭在浅滩觅食</figcaption></figure>",
                List.of(new ExtractedArticle.Image(src, "白鹭在浅滩觅食")), "zh", List.of()),
                null, OffsetDateTime.now(ZoneOffset.UTC)).id();
        indexSync.drain();
        return id;
    }

    /** The first reader of an image may be told to come back while it is fetched; the next finds it cached. */
    private int waitForImage(HttpClient client, long articleId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status;
        do {
            status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/img/" + articleId + "/0")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } while (status != 200 && System.nanoTime() < deadline && pause());
        return status;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100); // polling for a background fetch with a deadline, not ordering events
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}

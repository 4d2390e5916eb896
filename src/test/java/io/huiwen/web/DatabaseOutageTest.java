package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.huiwen.HuiwenApplication;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.rank.ViewCounter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The portal on PostgreSQL through a link the test breaks while readers keep coming: for the
 * outage every answer is a 200 or a 503 with {@code Retry-After} and a readable page or JSON error,
 * each within a few seconds (the pool's 2.5 s connection timeout, not a hang); once the link is
 * back, every page answers 200 again without a restart, and the background jobs (view counts,
 * indexing) have picked up where they stopped.
 */
class DatabaseOutageTest {

    static final String SERVER = System.getProperty("huiwen.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("huiwen.test.postgres.user", "postgres");
    static final String DATABASE = "huiwen_outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** Connection timeout 2.5 s, a dead-connection check 1 s, and room for a machine busy with other builds. */
    static final Duration ANSWER_BOUND = Duration.ofSeconds(8);
    static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(30);
    static final int READERS = 24;
    static final String READER = "outage-test-bot"; // a bot: the readers' own views are not counted
    static final String DB_MESSAGE = "网站暂时无法读取新闻数据，请稍后刷新再试。";
    static final String API_ERROR = "{\"error\":\"the database is unavailable; try again in a moment\"}";

    static DatabaseLink link;
    static ConfigurableApplicationContext portal;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(String path, int status, String retryAfter, String body, Duration took, int phase) {}

    /** 1: the server refuses; 2: the host is unreachable; 0: before and after. Answers are tagged with the phase they were asked in. */
    static volatile int phase;

    @BeforeAll
    static void portalOnPostgresThroughTheLink() throws Exception {
        assumeTrue(createDatabase(), "no PostgreSQL server at " + SERVER);
        URI server = URI.create(SERVER.substring("jdbc:".length()));
        link = new DatabaseLink(new InetSocketAddress(server.getHost(), server.getPort()));
        portal = new SpringApplicationBuilder(HuiwenApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + link.port() + "/" + DATABASE,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=",
                "--huiwen.data-dir=" + TestDataDir.create("outage"), "--server.port=0", "--huiwen.admin.password=x",
                "--huiwen.rank.flush-interval=200ms", "--huiwen.search.sync-interval=200ms",
                "--huiwen.collect.tick=200ms", "--huiwen.collect.initial-delay=0s", "--spring.main.banner-mode=off");
        base = "http://127.0.0.1:" + portal.getEnvironment().getProperty("local.server.port");
    }

    static boolean createDatabase() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (link != null) {
            link.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            // no server: nothing was created
        }
    }

    @Test
    void readersGetA503OrAPageDuringTheOutageAndEveryPageIsBackAfterIt() throws Exception {
        ArticleRepository articles = portal.getBean(ArticleRepository.class);
        long id = articles.latest(1, 1).items().get(0).id();
        long other = articles.latest(1, 2).items().get(1).id();
        // pages readers asked for before the outage are kept rendered and answered from memory all
        // through it; the API, and pages nobody asked for yet, need the database and meet the outage
        List<String> kept = List.of("/", "/a/" + id, "/search?q=" + enc("马拉松"));
        List<String> needDatabase = List.of("/api/v1/articles/" + id, "/a/" + other, "/search?q=" + enc("机器人"));
        List<String> paths = new java.util.ArrayList<>(kept);
        paths.addAll(needDatabase);
        for (String path : kept) {
            assertThat(fetch(path).status()).as(path).isEqualTo(200);
        }
        long viewsBefore = views(id);

        // the outage: first the server refuses, then the host is unreachable; readers keep coming all along
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        CountDownLatch outageOver = new CountDownLatch(1);
        link.refuse();
        phase = 1;
        for (int r = 0; r < READERS; r++) {
            int first = r;
            readers.execute(() -> {
                for (int i = first; outageOver.getCount() > 0; i++) {
                    answers.add(fetch(paths.get(i % paths.size())));
                }
            });
        }
        portal.getBean(ViewCounter.class).count(id, "192.0.2.7", "Mozilla/5.0"); // flushed only once the database is back
        awaitEveryPathAnswered(answers, paths, 1);
        link.blackhole();
        phase = 2;
        awaitEveryPathAnswered(answers, paths, 2);
        outageOver.countDown();
        readers.shutdown();
        assertThat(readers.awaitTermination(ANSWER_BOUND.toSeconds() * 3, TimeUnit.SECONDS)).as("readers finished").isTrue();
        phase = 0;
        link.restore();

        assertThat(answers).hasSizeGreaterThanOrEqualTo(READERS);
        for (Answer a : answers) {
            assertThat(a.took()).as(a.path() + " answered in " + a.took()).isLessThanOrEqualTo(ANSWER_BOUND);
            assertThat(a.status()).as(a.path() + " status").isIn(200, 503);
            assertThat(a.body()).as(a.path()).doesNotContain("Exception", "\tat ", "at org.springframework");
            if (a.status() == 503) {
                assertThat(a.retryAfter()).as(a.path() + " Retry-After").isEqualTo("30");
                if (a.path().startsWith("/api/")) {
                    assertThat(a.body()).isEqualTo(API_ERROR);
                } else {
                    assertThat(a.body()).contains("503 暂时无法访问", DB_MESSAGE, "<a href=\"/c/caijing\">财经</a>");
                }
            }
        }
        for (String path : needDatabase) { // each kind of page really met the outage
            assertThat(answers.stream().filter(a -> a.path().equals(path) && a.status() == 503)).as(path + " answered 503").isNotEmpty();
        }
        for (String path : kept) { // and the kept pages were served all through it
            assertThat(answers.stream().filter(a -> a.path().equals(path) && a.phase() > 0))
                    .as(path + " served from memory during the outage").isNotEmpty().allMatch(a -> a.status() == 200);
        }

        // recovery without restart: every page is 200 again within the deadline
        Instant deadline = Instant.now().plus(RECOVERY_DEADLINE);
        for (String path : paths) {
            Answer a = fetch(path);
            while (a.status() != 200 && Instant.now().isBefore(deadline)) {
                waitFor(Duration.ofMillis(200));
                a = fetch(path);
            }
            assertThat(a.status()).as(path + " after the outage").isEqualTo(200);
        }

        // the scheduled jobs survived their failing ticks: the view counted during the outage is flushed,
        // and an article stored now is indexed by the outbox drain and found by a reader
        while (views(id) != viewsBefore + 1 && Instant.now().isBefore(deadline)) {
            waitFor(Duration.ofMillis(200));
        }
        assertThat(views(id)).as("views of /a/" + id).isEqualTo(viewsBefore + 1);
        var page = new ArticleExtractor().extract("""
                <html><head><title>故障恢复后入库：青溪湖观鸟节开幕</title></head><body><article><h1>故障恢复后入库：青溪湖观鸟节开幕</h1>
                <p>青溪湖第三届观鸟节今天开幕，来自各地的观鸟爱好者在湖边记录到四十多种水鸟，其中包括珍稀的东方白鹳。</p>
                <p>主办方介绍，观鸟节将持续一周，期间还有摄影展和科普讲座，市民可以免费参加。湖区管理处提醒游客文明观鸟。</p>
                </article></body></html>""".getBytes(StandardCharsets.UTF_8),
                "https://news.example.cn/2026/birds.html", null, null, Instant.now());
        portal.getBean(ArticleStore.class).store(page, "shehui", OffsetDateTime.now());
        Answer found = fetch("/search?q=" + enc("青溪湖观鸟节"));
        while (!found.body().contains("故障恢复后入库") && Instant.now().isBefore(deadline)) {
            waitFor(Duration.ofMillis(200));
            found = fetch("/search?q=" + enc("青溪湖观鸟节"));
        }
        assertThat(found.body()).contains("<a class=\"title\" href=\"/a/", "故障恢复后入库");
    }

    /** The outage lasts until each page has been answered a few times in this phase (or a deadline passed). */
    static void awaitEveryPathAnswered(ConcurrentLinkedQueue<Answer> answers, List<String> paths, int inPhase) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)
                && !paths.stream().allMatch(p -> answers.stream().filter(a -> a.phase() == inPhase && a.path().equals(p)).count() >= 3)) {
            Thread.sleep(100); // polling; the deadline bounds it
        }
    }

    static long views(long id) {
        Matcher m = Pattern.compile("\"views\":(\\d+)").matcher(fetch("/api/v1/articles/" + id).body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static Answer fetch(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", READER)
                .timeout(ANSWER_BOUND.multipliedBy(3)).build();
        int asked = phase;
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(path, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null), r.body(),
                    Duration.ofNanos(System.nanoTime() - start), asked);
        } catch (HttpTimeoutException e) {
            return new Answer(path, -1, null, "no answer: " + e, Duration.ofNanos(System.nanoTime() - start), asked);
        } catch (Exception e) {
            return new Answer(path, -2, null, "failed: " + e, Duration.ofNanos(System.nanoTime() - start), asked);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The pause between two polls; every poll loop has a deadline. */
    static void waitFor(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }
}

package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.collect.FakeSite;
import io.huiwen.collect.FakeSiteExtension;
import io.huiwen.extract.ExtractedArticle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The image proxy under a real server, fetching from a fake outlet on loopback: readers are
 * answered within about a second whatever the outlet does, each image costs the outlet one
 * request (image fetches are not retried, whatever huiwen.collect.retries says: the failure is
 * remembered instead), failures are remembered, and the cache folder stays under its cap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"huiwen.admin.password=test-admin",
        "huiwen.demo-content=false", "huiwen.collect.allow-private-hosts=true", "huiwen.collect.host-delay=0ms", "huiwen.collect.retries=3",
        "huiwen.images.cache-max-bytes=2600", "huiwen.images.reader-wait=1s", "huiwen.images.failure-ttl=10m"})
class ImageProxyTest {

    static final Path DATA = TestDataDir.create("images");
    @RegisterExtension
    static final FakeSiteExtension OUTLET = new FakeSiteExtension();
    /**
     * A reader must have an answer within this: the configured second of waiting, plus slack for
     * fifty connections opened at once on a loaded two-core machine. Before, readers waited up to 60 s.
     */
    static final Duration QUICK = Duration.ofSeconds(4);
    static final AtomicInteger ARTICLES = new AtomicInteger();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ArticleStore store;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Fifty connections and request threads once before measuring, so a test times the proxy, not the server's warm-up. */
    @BeforeEach
    void warmUp() {
        assertThat(readers(50, "/img/0/0")).allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
    }

    record Reader(HttpResponse<byte[]> response, Duration took) {
        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    @Test
    void aFailingImageCostsTheOutletOneRequestHoweverManyReadersAskAndIsThenAnsweredAtOnce() throws Exception {
        OUTLET.on("/img/broken.png", (exchange, call) -> FakeSite.reply(exchange, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8)));
        String image = "/img/" + article("/img/broken.png") + "/0";

        List<Reader> first = readers(50, image);
        assertThat(first).allSatisfy(r -> {
            assertThat(r.status()).as("failed, or not fetched yet").isIn(502, 503);
            assertThat(r.took()).isLessThan(QUICK);
        });
        assertThat(until(image, r -> r.status() == 502).status()).isEqualTo(502);
        assertThat(OUTLET.count("/img/broken.png")).as("one fetch shared by all readers").isEqualTo(1);

        List<Reader> second = readers(50, image);
        assertThat(second).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(502);
            assertThat(r.header("Cache-Control")).isEqualTo("max-age=60");
            assertThat(r.took()).isLessThan(QUICK);
        });
        assertThat(OUTLET.count("/img/broken.png")).as("the failure is remembered: no further request").isEqualTo(1);
    }

    @Test
    void aSlowImageIsNotWaitedForAndIsServedOnceItArrives() throws Exception {
        byte[] png = png(700, 's');
        CountDownLatch release = new CountDownLatch(1);
        OUTLET.on("/img/slow.png", (exchange, call) -> {
            release.await(30, TimeUnit.SECONDS);
            FakeSite.reply(exchange, 200, "image/png", png);
        });
        String image = "/img/" + article("/img/slow.png") + "/0";

        List<Reader> waiting = readers(10, image);
        assertThat(waiting).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isEqualTo("2");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.took()).isLessThan(QUICK);
        });
        release.countDown();

        Reader served = until(image, r -> r.status() != 503);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.response().body()).isEqualTo(png);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(OUTLET.count("/img/slow.png")).as("the readers shared one fetch").isEqualTo(1);
        assertThat(get(image).response().body()).isEqualTo(png);
        assertThat(OUTLET.count("/img/slow.png")).as("then served from the cache").isEqualTo(1);
    }

    @Test
    void theCacheFolderStaysUnderItsCapByDroppingTheLeastRecentlyServedImage() throws Exception {
        // each image with its sidecar takes 1,009 bytes: two fit under the test's cap of 2,600, three do not
        byte[] a = png(1000, 'a');
        byte[] b = png(1000, 'b');
        byte[] c = png(1000, 'c');
        OUTLET.on("/img/a.png", (exchange, call) -> FakeSite.reply(exchange, 200, "image/png", a));
        OUTLET.on("/img/b.png", (exchange, call) -> FakeSite.reply(exchange, 200, "image/png", b));
        OUTLET.on("/img/c.png", (exchange, call) -> FakeSite.reply(exchange, 200, "image/png", c));
        long id = article("/img/a.png", "/img/b.png", "/img/c.png");

        assertThat(served("/img/" + id + "/0")).isEqualTo(a);
        assertThat(served("/img/" + id + "/1")).isEqualTo(b);
        assertThat(served("/img/" + id + "/0")).as("a is now the more recently served").isEqualTo(a);
        assertThat(served("/img/" + id + "/2")).isEqualTo(c);

        assertThat(folderBytes()).isLessThanOrEqualTo(2600);
        assertThat(cached("/img/a.png")).isTrue();
        assertThat(cached("/img/b.png")).as("least recently served, so evicted").isFalse();
        assertThat(cached("/img/c.png")).isTrue();
        assertThat(List.of(OUTLET.count("/img/a.png"), OUTLET.count("/img/b.png"), OUTLET.count("/img/c.png"))).containsExactly(1L, 1L, 1L);

        assertThat(served("/img/" + id + "/1")).isEqualTo(b);
        assertThat(OUTLET.count("/img/b.png")).as("an evicted image is fetched again").isEqualTo(2);
        assertThat(folderBytes()).isLessThanOrEqualTo(2600);
    }

    @Test
    void svgAndHtmlAreRefusedAndNeverCached() throws Exception {
        OUTLET.page("/img/logo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        OUTLET.page("/img/login.jpg", "text/html; charset=utf-8", "<html><body><script>alert(1)</script>请登录</body></html>");
        long id = article("/img/logo.svg", "/img/login.jpg");
        for (int n = 0; n < 2; n++) {
            Reader r = until("/img/" + id + "/" + n, x -> x.status() != 503);
            assertThat(r.status()).isEqualTo(502);
            assertThat(new String(r.response().body(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("our own placeholder, never the outlet's bytes").contains("图片暂时无法显示").doesNotContain("script");
            assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml;charset=UTF-8");
        }
        assertThat(cached("/img/logo.svg")).isFalse();
        assertThat(cached("/img/login.jpg")).isFalse();
        get("/img/" + id + "/0");
        assertThat(OUTLET.count("/img/logo.svg")).as("a refusal is remembered like a failure").isEqualTo(1);
    }

    @Test
    void anImageTheArticleDoesNotHaveIsNotFound() throws Exception {
        long id = article("/img/only.png");
        assertThat(get("/img/" + id + "/1").status()).isEqualTo(404);
        assertThat(get("/img/" + (id + 1000) + "/0").status()).isEqualTo(404);
        assertThat(OUTLET.count("/img/only.png")).isZero();
    }

    /** A published article whose images are the given paths on the fake outlet. */
    long article(String... paths) {
        int n = ARTICLES.incrementAndGet();
        List<ExtractedArticle.Image> images = Arrays.stream(paths).map(p -> new ExtractedArticle.Image(OUTLET.url(p).toString(), null)).toList();
        StringBuilder html = new StringBuilder("<p>图片测试正文第" + n + "篇。</p>");
        images.forEach(i -> html.append("<figure><img src=\"").append(i.src()).append("\"></figure>"));
        var page = new ExtractedArticle(OUTLET.url("/news/" + n + ".html").toString(), "图片测试文章" + n, null, "测试", null, null, List.of(),
                "图片测试正文第" + n + "篇，编号" + n * 7919 + "。", html.toString(), images, "zh", List.of());
        return store.store(page, "shehui", OffsetDateTime.now()).id();
    }

    Reader get(String path) throws Exception {
        return send(path).join();
    }

    CompletableFuture<Reader> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Reader(r, Duration.ofNanos(System.nanoTime() - start)));
    }

    /** {@code count} readers asking at once. */
    List<Reader> readers(int count, String path) {
        List<CompletableFuture<Reader>> asked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            asked.add(send(path));
        }
        return asked.stream().map(CompletableFuture::join).toList();
    }

    /** Asks again until the answer satisfies {@code done}, for at most 20 seconds. */
    Reader until(String path, Predicate<Reader> done) {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> get(path), done::test); // the server itself holds each request up to the reader wait
    }

    /** The bytes of an image once it is served (after any "not yet" answers). */
    byte[] served(String path) throws Exception {
        Reader r = until(path, x -> x.status() != 503);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.response().body();
    }

    boolean cached(String outletPath) {
        return Files.exists(DATA.resolve("images").resolve(ImageCache.key(OUTLET.url(outletPath).toString())));
    }

    long folderBytes() throws IOException {
        try (Stream<Path> files = Files.list(DATA.resolve("images"))) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** A PNG signature followed by filler: enough for the proxy, which passes bytes on without decoding them. */
    static byte[] png(int size, char fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) fill);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }
}

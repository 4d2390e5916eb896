package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HuiwenApplication;
import io.huiwen.TestDataDir;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The port opens before the portal has anything to show. Until it is ready, readers get 503 with
 * Retry-After (never an empty home page, and nothing empty cached), and the readiness probe says
 * DOWN; once ready, the first page already shows the demo articles and a full 热门 list.
 */
class StartupGateTest {

    static final CountDownLatch HOLD_STARTUP = new CountDownLatch(1);
    static final CountDownLatch STARTUP_HELD = new CountDownLatch(1);

    /** Keeps the application in its startup runners, where a large demo load or index catch-up would be. */
    @Configuration(proxyBeanMethods = false)
    static class SlowStartup {
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner holdStartup() {
            return args -> {
                STARTUP_HELD.countDown();
                HOLD_STARTUP.await(2, TimeUnit.MINUTES);
            };
        }
    }

    @Test
    void readersWaitWith503UntilThePortalCanShowArticles() throws Exception {
        int port = freePort();
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(
                HuiwenApplication.class, SlowStartup.class).run("--server.port=" + port,
                "--huiwen.data-dir=" + TestDataDir.create("startup"), "--huiwen.collect.enabled=false"));
        try {
            assertThat(STARTUP_HELD.await(2, TimeUnit.MINUTES)).as("startup reached the runners").isTrue();
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> home = get(client, port, "/");
            assertThat(home.statusCode()).isEqualTo(503);
            assertThat(home.headers().firstValue("Retry-After")).hasValue(StartupGate.RETRY_AFTER_SECONDS);
            assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(home.body()).contains("汇闻正在启动").doesNotContain("还没有文章");
            HttpResponse<String> api = get(client, port, "/api/v1/latest");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"error\"");
            assertThat(get(client, port, "/actuator/health/readiness").statusCode()).as("readiness while starting").isEqualTo(503);
            assertThat(get(client, port, "/actuator/health/liveness").statusCode()).as("liveness while starting").isEqualTo(200);

            HOLD_STARTUP.countDown();
            app.get(2, TimeUnit.MINUTES);
            assertThat(get(client, port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            HttpResponse<String> first = get(client, port, "/");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).doesNotContain("还没有文章").doesNotContain("暂无");
            assertThat(get(client, port, "/search?q=%E9%A9%AC%E6%8B%89%E6%9D%BE").body())
                    .as("the index caught up before readers came").contains("<em>马拉松</em>");
        } finally {
            HOLD_STARTUP.countDown();
            app.thenAccept(ConfigurableApplicationContext::close).get(2, TimeUnit.MINUTES);
        }
    }

    /** Waits for the port to open (Tomcat starts before the runners), then asks. */
    private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // polling for the port to open, with a deadline
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

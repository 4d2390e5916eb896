package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Choosing the backend, and the one line a start gets when the cluster cannot be used. */
class OpenSearchStartupTest {

    HttpServer fake;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.stop(0);
        }
    }

    /** A server that answers its root the way another search engine does. */
    String answeringRootWith(String json) throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        return "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    static OpenSearchIndex connect(String uri) {
        return OpenSearchIndex.connect(OpenSearchIndexContractTest.settings(List.of(uri), "startup"), Clock.systemUTC());
    }

    @Test
    void anUnreachableClusterIsOneLineNamingItsAddress() {
        assertThatThrownBy(() -> connect("http://127.0.0.1:9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("OpenSearch at [http://127.0.0.1:9] cannot be used: ")
                .hasMessageContaining("Connection refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void elasticsearchIsRefused() throws IOException {
        String uri = answeringRootWith("""
                {"name":"es","version":{"number":"8.13.4","build_flavor":"default"},"tagline":"You Know, for Search"}""");
        assertThatThrownBy(() -> connect(uri))
                .hasMessage("OpenSearch at [" + uri + "] cannot be used: it is not OpenSearch (distribution \"\", version 8.13.4); OpenSearch 2.x is needed");
    }

    @Test
    void openSearchOneIsRefused() throws IOException {
        String uri = answeringRootWith("""
                {"name":"old","version":{"distribution":"opensearch","number":"1.3.14"},"tagline":"The OpenSearch Project: https://opensearch.org/"}""");
        assertThatThrownBy(() -> connect(uri))
                .hasMessage("OpenSearch at [" + uri + "] cannot be used: OpenSearch 1.3.14 is not supported; OpenSearch 2.x is needed");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HuiwenProperties.class)
    static class Settings {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    final ApplicationContextRunner app = new ApplicationContextRunner().withUserConfiguration(Settings.class, SearchConfig.class);

    @TempDir
    Path data;

    @Test
    void theEmbeddedIndexIsTheDefault() {
        app.withPropertyValues("huiwen.data-dir=" + data).run(context -> {
            assertThat(context).hasSingleBean(LuceneSearchIndex.class).doesNotHaveBean(OpenSearchIndex.class);
            assertThat(context.getBean(SearchIndex.class).shared()).isFalse();
        });
    }

    @Test
    void openSearchChosenOpensNoIndexDirectory() {
        app.withPropertyValues("huiwen.data-dir=" + data, "huiwen.search.backend=OpenSearch",
                "huiwen.search.opensearch.uris=" + OpenSearchNodes.shared().uri(1), "huiwen.search.opensearch.index=startup-chosen").run(context -> {
            assertThat(context).hasSingleBean(OpenSearchIndex.class).doesNotHaveBean(LuceneSearchIndex.class);
            assertThat(context.getBean(SearchIndex.class).readerName("any")).isEqualTo("opensearch:startup-chosen");
            assertThat(Files.exists(data.resolve("index"))).isFalse();
        });
    }

    @Test
    void theAppDoesNotStartWhenTheClusterCannotBeUsed() {
        app.withPropertyValues("huiwen.data-dir=" + data, "huiwen.search.backend=opensearch", "huiwen.search.opensearch.uris=http://127.0.0.1:9")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable cause = context.getStartupFailure();
                    while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
                        cause = cause.getCause();
                    }
                    assertThat(cause.getMessage()).startsWith("OpenSearch at [http://127.0.0.1:9] cannot be used: ").doesNotContain("\n");
                });
    }
}

package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract over OpenSearch: a real node in this JVM, a new alias per test. Below it, what only
 * the OpenSearch adapter has: the alias, the index versions behind it, its name in the change log.
 */
class OpenSearchIndexContractTest extends SearchIndexContract {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private final OpenSearchNodes node = OpenSearchNodes.shared();
    private String alias;

    static HuiwenProperties.OpenSearch settings(List<String> uris, String alias) {
        return new HuiwenProperties.OpenSearch(uris, alias, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30), 1);
    }

    @Override
    SearchIndex newIndex() {
        alias = "contract-" + TESTS.incrementAndGet();
        return OpenSearchIndex.connect(settings(List.of(node.uri(1)), alias), Clock.systemUTC());
    }

    @Override
    void dispose(SearchIndex index) {
        ((OpenSearchIndex) index).close();
        http("DELETE", "/" + alias + "-*", null);
    }

    String http(String method, String path, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.uri(1) + path)).header("Content-Type", "application/json");
            b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isLessThan(300);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isSharedAndReadsTheChangeLogUnderItsAlias() {
        assertThat(index.shared()).isTrue();
        assertThat(index.readerName("node-a")).isEqualTo("opensearch:" + alias).isEqualTo(index.readerName("node-b"));
    }

    @Test
    void aMissingAliasIsCreatedOverAnEmptyIndexOfTheCurrentSchema() {
        assertThat(http("GET", "/_alias/" + alias, null)).contains("\"" + alias + "-v" + OpenSearchIndex.SCHEMA + "-initial\"");
        assertThat(http("GET", "/" + alias + "/_mapping", null)).contains("\"_meta\":{\"schema\":\"" + OpenSearchIndex.SCHEMA + "\"}");
    }

    @Test
    void aRebuildMovesTheAliasToANewIndexAndDeletesTheOldOne() {
        index.upsert(List.of(article(1, "旧文章", "旧索引里的文章。", "keji", 1, now)));
        index.rebuild(List.of(List.of(article(2, "新文章", "新索引里的文章。", "keji", 2, now))));
        String aliases = http("GET", "/_alias/" + alias, null);
        assertThat(aliases).doesNotContain("-initial").containsPattern("\"" + alias + "-v" + OpenSearchIndex.SCHEMA + "-\\d{8}-\\d{6}-\\d{3}\"");
        assertThat(http("GET", "/_cat/indices/" + alias + "-*?h=index", null).strip().lines()).hasSize(1);
        assertThat(ids("新文章")).containsExactly(2L);
    }

    /** Replaces the alias's index with an empty one that says it was built by this schema version. */
    void builtBySchema(String schema) {
        ((OpenSearchIndex) index).close();
        http("DELETE", "/" + alias + "-*", null);
        http("PUT", "/" + alias + "-v" + schema + "-old", """
                {"mappings": {"_meta": {"schema": "%s"}, "properties": {"title": {"type": "text"}}},
                 "aliases": {"%s": {}}}""".formatted(schema, alias));
        index = OpenSearchIndex.connect(settings(List.of(node.uri(1)), alias), Clock.systemUTC());
    }

    @Test
    void anIndexBuiltByANewerSchemaIsLeftAsItIs() {
        builtBySchema(Integer.toString(Integer.parseInt(OpenSearchIndex.SCHEMA) + 1));
        assertThat(index.needsRebuild()).as("nodes not yet upgraded do not rebuild it back").isFalse();
    }

    @Test
    void anIndexBuiltByAnOlderSchemaAsksForARebuild() {
        builtBySchema("2");
        assertThat(index.needsRebuild()).isTrue();
        index.rebuild(List.of(List.of(article(3, "重建", "重建后的文章。", "keji", 3, now))));
        assertThat(index.needsRebuild()).isFalse();
        assertThat(http("GET", "/_cat/indices/" + alias + "-*?h=index", null)).doesNotContain(alias + "-v2-old");
        assertThat(http("GET", "/" + alias + "/_mapping", null)).contains("\"_meta\":{\"schema\":\"" + OpenSearchIndex.SCHEMA + "\"}");
        assertThat(ids("重建")).containsExactly(3L);
    }
}

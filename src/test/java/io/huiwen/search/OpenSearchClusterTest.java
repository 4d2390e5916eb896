package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Three OpenSearch nodes, each shard with a replica: one node goes away and searches still find every article. */
class OpenSearchClusterTest {

    static final int BASE_PORT = 9760; // its own range: the shared node is at 9741 (transport 9841)

    @Test
    void searchKeepsAnsweringWithEveryArticleWhenANodeStops() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<IndexedArticle> articles = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            articles.add(new IndexedArticle(id, "龙舟赛第" + id + "场", "第" + id + "场龙舟赛在江面举行。", List.of("龙舟"), "体坛",
                    "tiyu", now.minusHours(id), id));
        }
        try (OpenSearchNodes cluster = OpenSearchNodes.cluster(BASE_PORT, 3);
             OpenSearchIndex index = OpenSearchIndex.connect(OpenSearchIndexContractTest.settings(cluster.uris(), "cluster"), Clock.systemUTC())) {
            index.rebuild(List.of(articles.subList(0, 20), articles.subList(20, 40)));
            cluster.ensureGreen(); // the replica of each shard is on another node now
            assertThat(found(index)).containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());

            cluster.stop(1); // the first address the client knows, and perhaps the cluster manager

            assertThat(found(index)).as("every article, from the copies on the nodes left")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
            assertThat(index.size()).isEqualTo(40);
            assertThat(index.search(SearchRequest.of("龙舟赛", 1)).hits().get(0).titleHtml()).contains("<em>龙舟赛</em>");
        }
    }

    private static List<Long> found(OpenSearchIndex index) {
        SearchResults r = index.search(new SearchRequest("龙舟赛", "tiyu", null, null, null, "time", 1, 50));
        assertThat(r.total()).isEqualTo(40);
        return r.hits().stream().map(SearchResults.Hit::id).sorted().toList();
    }
}

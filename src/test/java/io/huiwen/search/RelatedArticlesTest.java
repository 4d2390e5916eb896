package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelatedArticlesTest {

    /** An index that answers related() from a list an article can change, and counts the queries. */
    static final class CountingIndex implements SearchIndex {
        List<Long> answer = List.of(11L, 12L);
        final List<String> queries = new ArrayList<>();

        public List<Long> related(long articleId, long storyId, int max) {
            queries.add(articleId + "/" + storyId + "/" + max);
            return answer;
        }

        public void upsert(List<IndexedArticle> articles) {}

        public void delete(List<Long> ids) {}

        public void rebuild(Iterable<List<IndexedArticle>> batches) {}

        public SearchResults search(SearchRequest request) {
            return SearchResults.empty(1, 10);
        }

        public long size() {
            return 0;
        }
    }

    private final CountingIndex index = new CountingIndex();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelatedArticles related = new RelatedArticles(index, registry);

    @Test
    void anArticleReadTwiceQueriesTheIndexOnce() {
        assertThat(related.of(1, 1)).containsExactly(11L, 12L);
        assertThat(related.of(1, 1)).containsExactly(11L, 12L);
        assertThat(index.queries).containsExactly("1/1/6");
        assertThat(registry.get("cache.gets").tag("cache", "related_articles").tag("result", "hit").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void aChangedArticleIsAskedAgain() {
        related.of(1, 1);
        related.of(2, 2);
        index.answer = List.of(13L);
        related.forget(List.of(1L));
        assertThat(related.of(1, 1)).containsExactly(13L);
        assertThat(related.of(2, 2)).as("other articles stay cached").containsExactly(11L, 12L);
        assertThat(index.queries).containsExactly("1/1/6", "2/2/6", "1/1/6");
    }

    @Test
    void anArticleMovedToAnotherStoryIsAskedAgain() {
        related.of(1, 1);
        related.of(1, 7);
        assertThat(index.queries).containsExactly("1/1/6", "1/7/6");
    }

    @Test
    void aRebuiltIndexEmptiesTheCache() {
        related.of(1, 1);
        related.of(2, 2);
        related.forgetAll();
        assertThat(related.cached()).isZero();
        related.of(1, 1);
        assertThat(index.queries).hasSize(3);
    }
}

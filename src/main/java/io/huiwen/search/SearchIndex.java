package io.huiwen.search;

import java.util.List;

/**
 * The search index port: embedded Lucene by default, OpenSearch at scale. It is derived from
 * the database and can always be rebuilt from it.
 */
public interface SearchIndex {

    /** Adds or replaces these articles; visible to searches once this returns. */
    void upsert(List<IndexedArticle> articles);

    /** Removes these articles (unpublished or deleted); unknown ids are ignored. */
    void delete(List<Long> ids);

    /** Replaces the whole index with these batches; searches see the old index until the switch. */
    void rebuild(Iterable<List<IndexedArticle>> batches);

    SearchResults search(SearchRequest request);

    /** Ids of articles similar in content, newest preferred, never of the given story. */
    List<Long> related(long articleId, long storyId, int max);

    long size();

    /**
     * True when every node searches this one index (OpenSearch): then one node at a time applies the
     * change log to it. False for an index of this node's own (embedded Lucene), which each node
     * keeps in step by itself.
     */
    default boolean shared() {
        return false;
    }

    /** Names this index's place in the change log: {@code lucene@<node-id>}, {@code opensearch:<alias>}. */
    default String readerName(String nodeId) {
        return "lucene@" + nodeId;
    }

    /** True when the index was built by an older version of the index layout and should be rebuilt from the database. */
    default boolean needsRebuild() {
        return false;
    }
}

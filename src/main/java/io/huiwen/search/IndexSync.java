package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with the database: drains the outbox that the article store
 * writes in the same transaction as each article, and rebuilds the index from scratch on demand.
 */
@Component
public class IndexSync {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    static final int BATCH = 500;

    private final ArticleRepository articles;
    private final SearchIndex index;
    private final RelatedArticles related;
    private boolean checked;
    private volatile boolean failing;

    IndexSync(ArticleRepository articles, SearchIndex index, RelatedArticles related) {
        this.articles = articles;
        this.index = index;
        this.related = related;
    }

    /**
     * The scheduled drain. A database or index that fails is logged once when it starts failing and
     * once when it works again, not with a stack trace every second; the outbox keeps what was not
     * indexed, so the next tick that works catches up.
     */
    @Scheduled(fixedDelayString = "#{@'" + HuiwenProperties.BEAN + "'.search().syncInterval().toMillis()}", initialDelay = 0)
    void tick() {
        try {
            drain();
            if (failing) {
                failing = false;
                log.warn("search index in step with the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("indexing new articles failed, trying again every tick: {}", e.toString());
            }
        }
    }

    /**
     * Indexes everything the outbox holds; returns how many articles were indexed. The first drain
     * rebuilds the whole index instead when it was built by an older index layout, or is empty
     * while the database is not (a deleted index directory).
     */
    public synchronized int drain() {
        if (!checked) {
            if (index.needsRebuild() || index.size() == 0 && articles.count() > 0) {
                log.info("search index {}: rebuilding it from the database; searches use the old index until it is done",
                        index.needsRebuild() ? "was built by an older version" : "is empty");
                long start = System.nanoTime();
                long n = rebuild();
                log.info("search index rebuilt: {} articles in {} s", n, (System.nanoTime() - start) / 1_000_000_000);
                checked = true;
                return (int) n;
            }
            checked = true; // only once it could be checked: a database down at the first tick does not skip the rebuild
        }
        int total = 0;
        for (var batch = articles.pendingIndexing(BATCH); !batch.articleIds().isEmpty(); batch = articles.pendingIndexing(BATCH)) {
            List<Article> found = articles.findByIds(batch.articleIds());
            upsert(found.stream().filter(Article::published).map(IndexSync::indexed).toList());
            var gone = new java.util.HashSet<>(batch.articleIds());
            found.stream().filter(Article::published).forEach(a -> gone.remove(a.id()));
            if (!gone.isEmpty()) {
                index.delete(List.copyOf(gone)); // deleted, or waiting for review: not searchable
            }
            related.forget(batch.articleIds());
            articles.markIndexed(batch.upTo());
            total += batch.articleIds().size();
        }
        if (total > 0) {
            log.debug("indexed {} articles from the outbox", total);
        }
        return total;
    }

    /** A rebuild this small is done before readers are let in; a larger one runs while the old index serves. */
    static final long REBUILD_BEFORE_READY_LIMIT = 10_000;

    /**
     * Brings the index up to date before the portal accepts readers (demo articles just stored,
     * articles written while the server was down). A whole rebuild of a large database is left to
     * the scheduler, so pages are served meanwhile and searches use the old index.
     */
    public void catchUp() {
        boolean rebuildDue = index.needsRebuild() || index.size() == 0;
        if (!rebuildDue || articles.count() <= REBUILD_BEFORE_READY_LIMIT) {
            drain();
        }
    }

    /**
     * Indexes a batch; if the batch fails, each article on its own, so one article the index
     * cannot take (logged with its id) does not hold back the others forever. When every one of
     * them fails, the index is what fails, and nothing is marked indexed.
     */
    private void upsert(List<IndexedArticle> batch) {
        try {
            index.upsert(batch);
        } catch (RuntimeException batchFailure) {
            int failed = 0;
            for (IndexedArticle a : batch) {
                try {
                    index.upsert(List.of(a));
                } catch (RuntimeException e) {
                    failed++;
                    log.error("article {} could not be indexed: {}", a.id(), e.toString());
                }
            }
            // not one went in, and not for a bad document (Lucene says that with IllegalArgumentException):
            // the index itself is failing (I/O, closed after a disk error), so the outbox keeps them all
            if (failed == batch.size() && !(batchFailure instanceof IllegalArgumentException)) {
                throw batchFailure;
            }
        }
    }

    /** Rebuilds the index from the database; searches keep the old index until the new one is complete. */
    public synchronized long rebuild() {
        var pending = articles.pendingIndexing(Integer.MAX_VALUE);
        long[] count = {0};
        index.rebuild(() -> new Iterator<List<IndexedArticle>>() {
            long after = 0;
            List<Long> next = articles.idsAfter(after, BATCH);

            public boolean hasNext() {
                return !next.isEmpty();
            }

            public List<IndexedArticle> next() {
                if (next.isEmpty()) {
                    throw new NoSuchElementException();
                }
                List<IndexedArticle> batch = articles.findByIds(next).stream().filter(Article::published).map(IndexSync::indexed).toList();
                count[0] += batch.size();
                after = next.get(next.size() - 1);
                next = articles.idsAfter(after, BATCH);
                return batch;
            }
        });
        related.forgetAll();
        articles.markIndexed(pending.upTo());
        return count[0];
    }

    static IndexedArticle indexed(Article a) {
        return new IndexedArticle(a.id(), a.title(), a.text(), a.tags(), a.source(),
                a.category() == null ? null : a.category().slug(),
                a.publishTime() != null ? a.publishTime() : a.collectedAt(), a.storyId(), a.sourceUrl());
    }
}

package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import io.huiwen.NodeId;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticlesChanged;
import io.huiwen.article.ChangeLog;
import io.huiwen.article.ChangeLog.Change;
import io.huiwen.article.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps a search index in step with the database by reading the change log ({@link ChangeLog}),
 * which the article store writes in the same transaction as each change. Every node reads the log
 * for itself, from its own recorded position: an embedded index per node is kept by its node; the
 * one shared index (OpenSearch) is kept by whichever node holds its job lease, and the other nodes
 * only follow the log to forget what they cached. Either way each node announces what changed
 * ({@link ArticlesChanged}) once its index has it, for whatever else it caches. A node that was down reads on from where it
 * stopped; one whose position was pruned away, whose index is empty or built by an older layout,
 * or whose index and database keep disagreeing on how many articles there are, rebuilds its
 * index from the articles while searches use the old one.
 */
@Component
public class IndexSync {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    static final int BATCH = 500;
    /** A hole in the change ids not filled within this long was a rolled-back insert. */
    static final Duration HOLE_GRACE = Duration.ofMinutes(1);
    /** A reader records its position at least this often, to be counted as alive when the log is pruned. */
    static final Duration ALIVE_EVERY = Duration.ofSeconds(10);
    /** The holder of the shared index's job renews it every tick; another node takes over after this. */
    static final Duration SHARED_LEASE = Duration.ofSeconds(10);

    private final ArticleRepository articles;
    private final ChangeLog changes;
    private final SearchIndex index;
    private final RelatedArticles related;
    private final JobLeases leases;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration checkInterval;
    private final String reader;

    /** Null until the first drain has looked at the index and found its position. */
    private ChangeCursor cursor;
    private long recorded = -1, recordedAt;
    private long checkedAt;
    /** The difference between index and database at the last check, when they disagreed. */
    private Long disagreement;
    /** How far this node has forgotten cached answers, when another node keeps the shared index. */
    private long cachesFollowed = -1;

    IndexSync(ArticleRepository articles, ChangeLog changes, SearchIndex index, RelatedArticles related,
              JobLeases leases, ApplicationEventPublisher events, NodeId node, HuiwenProperties properties, Clock clock) {
        this.events = events;
        this.articles = articles;
        this.changes = changes;
        this.index = index;
        this.related = related;
        this.leases = leases;
        this.clock = clock;
        this.checkInterval = properties.search().checkInterval();
        this.reader = index.readerName(node.value());
    }

    /** This index's name in the change log ({@code change_reader.name}). */
    public String reader() {
        return reader;
    }

    /**
     * Applies every change logged since the last drain; returns how many changes were applied (or,
     * when this drain had to rebuild the index, how many articles it holds now). For the shared
     * index, a node that does not hold its job only forgets what it cached and returns 0.
     */
    public synchronized int drain() {
        if (index.shared() && !leases.hold(jobName(), SHARED_LEASE)) {
            cursor = null; // another node keeps the index: read from the recorded position if this one takes over
            followCaches();
            return 0;
        }
        if (cursor == null) {
            Long rebuilt = start();
            if (rebuilt != null) {
                return rebuilt.intValue();
            }
        }
        long now = clock.millis();
        int total = 0;
        if (cursor.hasHoles()) { // changes committed late, below what was read
            List<Change> late = cursor.filled(changes.between(cursor.lowestHole(), cursor.highestHole()));
            apply(late);
            total += late.size();
        }
        for (List<Change> batch = changes.after(cursor.readUpTo(), BATCH); !batch.isEmpty(); batch = changes.after(cursor.readUpTo(), BATCH)) {
            apply(batch);
            cursor.read(batch, now);
            total += batch.size();
        }
        cursor.expire(now, HOLE_GRACE.toMillis());
        record(false);
        if (total > 0) {
            log.debug("{}: applied {} changes from the change log", reader, total);
        }
        Long repaired = checkIfDue(now);
        return repaired != null ? repaired.intValue() : total;
    }

    /** Looks at the index before the first drain; returns the article count when it had to be rebuilt. */
    private Long start() {
        long position = changes.position(reader).orElse(0);
        long pruned = changes.prunedTo();
        boolean outdated = index.needsRebuild(); // for OpenSearch a request: asked once
        boolean empty = !outdated && position >= pruned && index.size() == 0 && articles.countPublished() > 0;
        String why = outdated ? "was built by an older version"
                : position < pruned ? "missed changes that were pruned from the change log while this node was away"
                : empty ? "is empty" : null;
        if (why == null) {
            cursor = new ChangeCursor(position);
            return null;
        }
        if (empty && position == 0 && changes.holdsEveryArticle()) {
            // A new index (a fresh portal's demo articles, a node's first start) beside a log that has
            // every article: reading the log indexes them all, where a rebuild would index them and then
            // apply the last minute of the log (HOLE_GRACE) again.
            log.info("search index {} is empty: indexing every article from the change log", reader);
            cursor = new ChangeCursor(0);
            return null;
        }
        log.info("search index {} {}: rebuilding it from the database; searches use the old index until it is done", reader, why);
        long start = System.nanoTime();
        long n = rebuild();
        log.info("search index {} rebuilt: {} articles in {} s", reader, n, (System.nanoTime() - start) / 1_000_000_000);
        return n;
    }

    /** Indexes the changed articles that readers can see and removes the others (taken down, waiting for review, deleted). */
    private void apply(List<Change> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        batch.forEach(c -> ids.add(c.articleId()));
        List<Article> found = articles.findByIds(List.copyOf(ids));
        upsert(found.stream().filter(Article::published).map(IndexSync::indexed).toList());
        Set<Long> gone = new HashSet<>(ids);
        found.stream().filter(Article::published).forEach(a -> gone.remove(a.id()));
        if (!gone.isEmpty()) {
            index.delete(List.copyOf(gone));
        }
        related.forget(ids);
        events.publishEvent(ArticlesChanged.of(ids));
    }

    /** Records the position when it moved, and at least every few seconds to be counted as alive. */
    private void record(boolean force) {
        long now = clock.millis();
        long position = cursor.position();
        if (force || position != recorded || now - recordedAt >= ALIVE_EVERY.toMillis()) {
            changes.record(reader, position);
            recorded = position;
            recordedAt = now;
        }
    }

    /**
     * Compares the index with the database once it has read the whole log, at the first drain and then
     * every check interval. Counts that differ by the same amount twice in a row are not changes
     * passing between the two reads: the index lost or kept articles it should not, so it is rebuilt.
     */
    private Long checkIfDue(long now) {
        if (now - checkedAt < checkInterval.toMillis() && disagreement == null || cursor.hasHoles() || cursor.readUpTo() < changes.head()) {
            return null;
        }
        checkedAt = now;
        long difference = index.size() - articles.countPublished();
        if (difference == 0) {
            disagreement = null;
            return null;
        }
        if (disagreement == null || disagreement != difference) {
            disagreement = difference; // looked at again next tick
            return null;
        }
        disagreement = null;
        log.warn("search index {} holds {} {} articles than the database shows readers; rebuilding it from the database",
                reader, Math.abs(difference), difference > 0 ? "more" : "fewer");
        return rebuild();
    }

    /** For the shared index kept by another node: forgets cached related articles of what it has applied since. */
    private void followCaches() {
        long applied = changes.position(reader).orElse(0);
        if (cachesFollowed < 0 || applied - cachesFollowed > 10L * BATCH) {
            related.forgetAll();
            events.publishEvent(ArticlesChanged.all());
        } else if (applied > cachesFollowed) {
            Set<Long> ids = new LinkedHashSet<>();
            changes.between(cachesFollowed + 1, applied).forEach(c -> ids.add(c.articleId()));
            related.forget(ids);
            events.publishEvent(ArticlesChanged.of(ids));
        }
        cachesFollowed = applied;
    }

    private String jobName() {
        return "index:" + reader;
    }

    /** A rebuild this small is done before readers are let in; a larger one runs while the old index serves. */
    static final long REBUILD_BEFORE_READY_LIMIT = 10_000;

    /**
     * Brings the index up to date before the portal accepts readers (demo articles just stored,
     * changes made while this node was down). A whole rebuild of a large database is left to the
     * scheduler, so pages are served meanwhile and searches use the old index.
     */
    public void catchUp() {
        boolean rebuildDue = index.needsRebuild() || index.size() == 0
                || changes.position(reader).orElse(0) < changes.prunedTo();
        if (!rebuildDue || articles.count() <= REBUILD_BEFORE_READY_LIMIT) {
            drain();
        }
    }

    /**
     * Indexes a batch; if the batch fails, each article on its own, so one article the index
     * cannot take (logged with its id) does not hold back the others forever. When every one of
     * them fails, the index is what fails, and the position does not move.
     */
    private void upsert(List<IndexedArticle> batch) {
        if (batch.isEmpty()) {
            return;
        }
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
            // the index itself is failing (I/O, closed after a disk error), so the position stays
            if (failed == batch.size() && !(batchFailure instanceof IllegalArgumentException)) {
                throw batchFailure;
            }
        }
    }

    /**
     * Rebuilds the index from the database; searches keep the old index until the new one is
     * complete. The position it records is the last change settled before the rebuild began, so
     * changes still being committed then are read from the log afterwards.
     */
    public synchronized long rebuild() {
        long settled = changes.settledBefore(HOLE_GRACE);
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
        events.publishEvent(ArticlesChanged.all());
        cursor = new ChangeCursor(settled);
        record(true);
        return count[0];
    }

    /** Changes logged that this index (this node's own, or the shared one) has not applied yet. */
    public long lag() {
        return Math.max(0, changes.head() - changes.position(reader).orElse(0));
    }

    static IndexedArticle indexed(Article a) {
        return new IndexedArticle(a.id(), a.title(), searchable(a), a.tags(), a.source(),
                a.category() == null ? null : a.category().slug(),
                io.huiwen.article.ArticleStore.sortTime(a.publishTime(), a.collectedAt(), a.sourceId() != null), a.storyId(), a.sourceUrl());
    }

    /**
     * The text a reader can find the article by: its body and, after it, the photo captions the
     * page shows (a company named only under a picture is found too). Captions are kept out of the
     * stored body text (excerpts never start with a photo credit), so they are read from the HTML.
     */
    static String searchable(Article a) {
        String body = a.text() == null ? "" : a.text();
        if (a.html() == null || !a.html().contains("<figcaption")) {
            return body;
        }
        Set<String> captions = new LinkedHashSet<>();
        for (var caption : org.jsoup.Jsoup.parseBodyFragment(a.html()).select("figcaption")) {
            String text = caption.text().strip();
            if (!text.isEmpty() && !body.contains(text)) {
                captions.add(text);
            }
        }
        return captions.isEmpty() ? body : body + "\n\n" + String.join("\n\n", captions);
    }
}

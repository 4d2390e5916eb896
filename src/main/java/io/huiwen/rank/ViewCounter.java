package io.huiwen.rank;

import io.huiwen.HuiwenProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts article page views in memory and writes them in batches to hourly buckets, so a busy
 * page costs no database write per view; a view costs a few map updates, no proxy and no digest, since
 * every hit of a cached article page counts one. A reader is known by a keyed hash ({@link VisitorHash})
 * of the address the request came from, as Tomcat resolved it ({@code X-Forwarded-For} is believed only
 * from {@code huiwen.trusted-proxies}); an IPv6 address counts by its /64, the block one subscriber
 * holds. No cookie, and not the user agent: a client would simply vary it. The key lives in memory
 * only and changes every day, so visitors cannot be followed across days. An address counts once
 * per article per hour, and at most {@code huiwen.rank.views-per-address} views an hour over all
 * articles, so one client cannot buy 热门. Crawlers and link previewers are not readers.
 */
@Component
public class ViewCounter {

    private static final Pattern BOTS = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|preview|fetch|curl|wget|python|java/|httpclient|headless|monitor|scan");
    /** User agents already judged: readers send a few hundred distinct ones, and the pattern costs more than the rest of a view. */
    private final Map<String, Boolean> bots = new ConcurrentHashMap<>();
    static final int MAX_USER_AGENTS = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    /** (visitor, article) → the hour it was last counted in. */
    private final Map<Long, Long> seen = new ConcurrentHashMap<>();
    /** visitor → the views it added in the current hour. */
    private final Map<Long, Budget> budgets = new ConcurrentHashMap<>();
    private final int viewsPerAddress;
    static final int MAX_SEEN = 2_000_000;
    private volatile VisitorHash visitors;

    private final HotRanking hot;
    /** The flush's transaction, held here rather than by {@code @Transactional}: that would put a proxy in front of every count. */
    private final TransactionOperations transactions;

    @org.springframework.beans.factory.annotation.Autowired
    ViewCounter(JdbcClient jdbc, Clock clock, HotRanking hot, HuiwenProperties properties, PlatformTransactionManager transactions) {
        this(jdbc, clock, hot, properties.rank().viewsPerAddress(), new TransactionTemplate(transactions));
    }

    ViewCounter(JdbcClient jdbc, Clock clock, HotRanking hot, int viewsPerAddress) {
        this(jdbc, clock, hot, viewsPerAddress, TransactionOperations.withoutTransaction());
    }

    private ViewCounter(JdbcClient jdbc, Clock clock, HotRanking hot, int viewsPerAddress, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hot = hot;
        this.viewsPerAddress = viewsPerAddress;
        this.transactions = transactions;
    }

    private record Budget(long hour, java.util.concurrent.atomic.AtomicInteger used) {}

    /**
     * Counts one view of the article from this address, unless the user agent is a bot, the address
     * was counted for the article this hour or has used up its views for the hour; returns whether
     * it counted. The user agent only tells bots apart.
     */
    public boolean count(long articleId, String address, String userAgent) {
        if (userAgent == null || userAgent.isBlank() || isBot(userAgent)) {
            return false;
        }
        long now = clock.millis();
        long hour = now / 3_600_000L;
        long visitor = visitor(Readers.of(address), now / 86_400_000L);
        long key = visitor * 31 + articleId;
        if (seen.size() > MAX_SEEN) {
            seen.clear(); // a flood of distinct visitors: forget rather than grow without bound
        }
        if (budgets.size() > MAX_SEEN) {
            budgets.clear();
        }
        Long previous = seen.put(key, hour);
        if (previous != null && previous == hour) {
            return false;
        }
        Budget budget = budgets.compute(visitor, (k, b) -> b == null || b.hour() != hour ? new Budget(hour, new java.util.concurrent.atomic.AtomicInteger()) : b);
        if (budget.used().incrementAndGet() > viewsPerAddress) {
            return false;
        }
        pending.computeIfAbsent(articleId, k -> new LongAdder()).increment();
        return true;
    }

    private boolean isBot(String userAgent) {
        Boolean known = bots.get(userAgent);
        if (known != null) {
            return known;
        }
        if (bots.size() >= MAX_USER_AGENTS) {
            bots.clear(); // a flood of made-up user agents: judge them afresh rather than grow without bound
        }
        boolean bot = BOTS.matcher(userAgent).find();
        bots.put(userAgent, bot);
        return bot;
    }

    private long visitor(String reader, long day) {
        VisitorHash hash = visitors;
        if (hash == null || hash.day() != day) {
            synchronized (this) {
                hash = visitors;
                if (hash == null || hash.day() != day) {
                    SecureRandom random = new SecureRandom();
                    hash = new VisitorHash(day, random.nextLong(), random.nextLong());
                    visitors = hash;
                }
            }
        }
        return hash.of(reader);
    }

    /**
     * Writes the buffered views into the current hour's buckets and the articles' totals. When the
     * database fails midway, the transaction is rolled back and every view taken out of the buffer
     * goes back into it, so a flush during an outage loses nothing: the next one that works writes it.
     */
    @Scheduled(fixedDelayString = "#{@'" + HuiwenProperties.BEAN + "'.rank().flushInterval().toMillis()}")
    public synchronized void flush() {
        long currentHour = clock.millis() / 3_600_000L;
        seen.values().removeIf(h -> h < currentHour);
        budgets.values().removeIf(b -> b.hour() < currentHour);
        if (!pending.isEmpty()) { // nothing to write opens no transaction (at shutdown the database may be gone already)
            transactions.executeWithoutResult(status -> flushInTransaction());
        }
    }

    private void flushInTransaction() {
        OffsetDateTime hour = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        boolean counted = false;
        Map<Long, Long> taken = new java.util.HashMap<>();
        try {
            // in id order, as every node does: two nodes flushing the same articles lock their rows in the same order
            for (Long id : new java.util.TreeSet<>(pending.keySet())) {
                long views = pending.remove(id).sumThenReset();
                if (views == 0) {
                    continue;
                }
                taken.put(id, views);
                counted |= write(id, hour, views);
            }
        } catch (RuntimeException e) {
            taken.forEach((id, views) -> pending.computeIfAbsent(id, k -> new LongAdder()).add(views));
            throw e;
        }
        if (counted) {
            hot.forget();
        }
    }

    /**
     * Adds the views to the article and its hourly bucket; false when the article was deleted
     * meanwhile. Always an addition, never a write of this node's count, since other nodes add
     * theirs to the same rows. Not a MERGE: on PostgreSQL two nodes merging a bucket neither has
     * created yet both insert it and one fails; an insert that yields to the other is safe.
     */
    private boolean write(long id, OffsetDateTime hour, long views) {
        int updated = jdbc.sql("UPDATE article SET views = views + ? WHERE id = ?").params(views, id).update();
        if (updated == 0) {
            return false;
        }
        if (addToBucket(id, hour, views) == 0
                && jdbc.sql("INSERT INTO article_view (article_id, bucket, views) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(id, hour, views).update() == 0) {
            addToBucket(id, hour, views); // another node created the bucket since our update
        }
        return true;
    }

    private int addToBucket(long id, OffsetDateTime hour, long views) {
        return jdbc.sql("UPDATE article_view SET views = views + ? WHERE article_id = ? AND bucket = ?").params(views, id, hour).update();
    }

    @jakarta.annotation.PreDestroy
    void flushOnShutdown() {
        flush();
    }
}

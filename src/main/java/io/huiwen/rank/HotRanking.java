package io.huiwen.rank;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticlesChanged;
import io.huiwen.article.ArticleState;
import io.huiwen.article.ArticleSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 热门文章, one entry per story. A story scores its members' views in the window, each decayed by
 * its age with a Hacker-News-style gravity, views × (1 + log2 outlets) / (age in hours + 2) ^ gravity,
 * plus what it is worth before anyone reads it: how many outlets (distinct 来源 of its published
 * articles) report it, decayed by the age of its newest report ({@link #reported}). So a fresh
 * install shows the stories many outlets carry rather than simply the newest, and views take over
 * as they accumulate. Only articles whose order time ({@code sort_time}) lies within the window
 * take part, so a years-old story cannot be hot however often it was read, and an undated import
 * (ordered before every dated article, see {@code ArticleStore.UNDATED}) never is.
 */
@Component
public class HotRanking {

    private final JdbcClient jdbc;
    private final ArticleRepository articles;
    private final Clock clock;
    private final double gravity;
    /** Every portal page shows 热门: the ranking is kept for a short while instead of recomputed per page view. */
    private final Duration keep;

    @Autowired
    HotRanking(JdbcClient jdbc, ArticleRepository articles, Clock clock, HuiwenProperties properties) {
        this(jdbc, articles, clock, properties.rank().gravity(), properties.rank().keepRanking());
    }

    HotRanking(JdbcClient jdbc, ArticleRepository articles, Clock clock, double gravity, Duration keep) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.clock = clock;
        this.gravity = gravity;
        this.keep = keep;
    }

    private record Ranked(List<ArticleSummary> top, java.time.Instant until) {}
    private final java.util.Map<String, Ranked> recent = new java.util.concurrent.ConcurrentHashMap<>();

    public List<ArticleSummary> top(int max, Duration window) {
        java.time.Instant now = clock.instant();
        Ranked kept = recent.get(max + "/" + window);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.top();
        }
        List<ArticleSummary> top = rank(max, window);
        if (!top.isEmpty()) { // an empty ranking is not kept: the first articles show at once
            recent.put(max + "/" + window, new Ranked(top, now.plus(keep)));
        }
        return top;
    }

    /** New views were counted here: the next page shows a fresh ranking (other nodes' lists renew when they run out). */
    void forget() {
        recent.clear();
    }

    /**
     * An article changed (taken down, retitled, merged): the ranking is read again, before pages
     * kept elsewhere are forgotten (their listeners run later), so no page is rendered anew from an old ranking.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void articlesChanged(ArticlesChanged changed) {
        forget();
    }

    private List<ArticleSummary> rank(int max, Duration window) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime since = now.minus(window);
        record Candidate(long id, long storyId, OffsetDateTime time, long views, int outlets) {}
        List<Candidate> candidates = jdbc.sql("""
                SELECT a.id, a.story_id, a.sort_time,
                       COALESCE((SELECT SUM(v.views) FROM article_view v WHERE v.article_id = a.id AND v.bucket >= :since), 0) AS views,
                       (SELECT COUNT(DISTINCT COALESCE(m.source, '')) FROM article m WHERE m.story_id = a.story_id AND m.status = :published) AS outlets
                FROM article a
                WHERE a.status = :published AND a.sort_time >= :since AND a.sort_time <= :now
                ORDER BY views DESC, outlets DESC, a.sort_time DESC
                LIMIT 1000
                """)
                .param("since", since).param("now", now.plusMinutes(5)).param("published", ArticleState.PUBLISHED.sql())
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getInt(5)))
                .list();
        // One entry per story: its members' decayed views summed, plus what its outlets say before anyone reads it;
        // shown by its most-read member (the earliest among equals, as lists show a story).
        record Story(Candidate shown, double score, OffsetDateTime newest) {}
        Map<Long, List<Candidate>> byStory = new LinkedHashMap<>();
        candidates.forEach(c -> byStory.computeIfAbsent(c.storyId(), k -> new ArrayList<>()).add(c));
        List<Story> ranked = new ArrayList<>();
        for (List<Candidate> members : byStory.values()) {
            OffsetDateTime newest = members.stream().map(Candidate::time).max(Comparator.naturalOrder()).orElseThrow();
            int outlets = members.stream().mapToInt(Candidate::outlets).max().orElse(1);
            double read = members.stream().mapToDouble(c -> score(c.views(), outlets, Duration.between(c.time(), now))).sum();
            Candidate shown = members.stream().min(Comparator.comparingLong((Candidate c) -> -c.views())
                    .thenComparing(Candidate::time).thenComparingLong(Candidate::id)).orElseThrow();
            ranked.add(new Story(shown, read + reported(outlets, Duration.between(newest, now)), newest));
        }
        List<Long> ids = ranked.stream()
                .sorted(Comparator.comparingDouble(Story::score).reversed().thenComparing(Story::newest, Comparator.reverseOrder()))
                .limit(max)
                .map(s -> s.shown().id())
                .toList();
        return articles.summaries(ids);
    }

    /** A story many outlets carry weighs more: each doubling of outlets adds as much as the first. */
    double score(long views, int outlets, Duration age) {
        double hours = Math.max(0, age.toMinutes() / 60.0);
        return views * outletFactor(outlets) / Math.pow(hours + 2, gravity);
    }

    /**
     * What a story is worth before (and besides) its views: how many outlets report it, halved
     * every {@link #REPORTED_HALF_LIFE_HOURS} hours since its newest report. A lone article just
     * published is worth {@link #REPORTED_WEIGHT}, about one view of an article half a day old, so
     * that readers' views soon decide (a few dozen views of a two-day-old article outweigh an unread
     * story three outlets carry); before any view, three outlets yesterday outweigh one an hour ago,
     * and a story weeks old is worth nothing.
     */
    double reported(int outlets, Duration sinceNewest) {
        double hours = Math.max(0, sinceNewest.toMinutes() / 60.0);
        int n = Math.max(1, outlets);
        return REPORTED_WEIGHT * n * outletFactor(n) * Math.pow(0.5, hours / REPORTED_HALF_LIFE_HOURS);
    }

    static final double REPORTED_WEIGHT = 0.01, REPORTED_HALF_LIFE_HOURS = 24;

    private static double outletFactor(int outlets) {
        return 1 + Math.log(Math.max(1, outlets)) / Math.log(2);
    }
}

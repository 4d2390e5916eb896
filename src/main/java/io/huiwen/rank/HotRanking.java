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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 热门文章: views in the window, decayed by age with a Hacker-News-style gravity,
 * score = views × (1 + log2 outlets) / (age in hours + 2) ^ gravity, newer first among equals (so an unread portal
 * shows its newest stories). Only stories published within the window take part, so a years-old
 * story cannot be hot however often it was read. One entry per story.
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
                       %s AS outlets
                FROM article a
                WHERE a.status = :published AND a.sort_time >= :since AND a.sort_time <= :now
                ORDER BY views DESC, a.sort_time DESC
                LIMIT 500
                """.formatted(ArticleRepository.storySize("a")))
                .param("since", since).param("now", now.plusMinutes(5)).param("published", ArticleState.PUBLISHED.sql())
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getLong(4), rs.getInt(5)))
                .list();
        Set<Long> stories = new HashSet<>();
        List<Long> ids = candidates.stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> score(c.views(), c.outlets(), Duration.between(c.time(), now))).reversed()
                        .thenComparing(Candidate::time, Comparator.reverseOrder()))
                .filter(c -> stories.add(c.storyId()))
                .limit(max)
                .map(Candidate::id)
                .toList();
        return articles.summaries(ids);
    }

    /** A story many outlets carry weighs more: each doubling of outlets adds as much as the first. */
    double score(long views, int outlets, Duration age) {
        double hours = Math.max(0, age.toMinutes() / 60.0);
        return views * (1 + Math.log(Math.max(1, outlets)) / Math.log(2)) / Math.pow(hours + 2, gravity);
    }
}

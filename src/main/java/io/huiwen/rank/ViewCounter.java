package io.huiwen.rank;

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts article page views in memory and writes them in batches to hourly buckets, so a busy
 * page costs no database write per view. Crawlers and link previewers are not readers.
 */
@Component
public class ViewCounter {

    private static final Pattern BOTS = Pattern.compile(
            "(?i)bot|crawl|spider|slurp|preview|fetch|curl|wget|python|java/|httpclient|headless|monitor|scan");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    ViewCounter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one view of the article unless the user agent is a known bot; returns whether it counted. */
    public boolean count(long articleId, String userAgent) {
        if (userAgent == null || userAgent.isBlank() || BOTS.matcher(userAgent).find()) {
            return false;
        }
        pending.computeIfAbsent(articleId, k -> new LongAdder()).increment();
        return true;
    }

    /** Writes the buffered views into the current hour's buckets and the articles' totals. */
    @Scheduled(fixedDelayString = "${huiwen.rank.flush-interval:10s}")
    @Transactional
    public synchronized void flush() {
        OffsetDateTime hour = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        for (Long id : pending.keySet()) {
            long views = pending.remove(id).sumThenReset();
            if (views == 0) {
                continue;
            }
            int updated = jdbc.sql("UPDATE article SET views = views + ? WHERE id = ?").params(views, id).update();
            if (updated == 0) {
                continue; // the article was deleted meanwhile
            }
            jdbc.sql("""
                    MERGE INTO article_view t USING (SELECT CAST(? AS BIGINT) AS article_id, CAST(? AS TIMESTAMP WITH TIME ZONE) AS bucket, CAST(? AS BIGINT) AS views) s
                    ON t.article_id = s.article_id AND t.bucket = s.bucket
                    WHEN MATCHED THEN UPDATE SET views = t.views + s.views
                    WHEN NOT MATCHED THEN INSERT (article_id, bucket, views) VALUES (s.article_id, s.bucket, s.views)
                    """).params(id, hour, views).update();
        }
    }

    @jakarta.annotation.PreDestroy
    void flushOnShutdown() {
        flush();
    }
}

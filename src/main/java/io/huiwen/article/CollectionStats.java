package io.huiwen.article;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How much was collected when: the figures behind the admin dashboard's chart. */
@Repository
public class CollectionStats {

    private final JdbcClient jdbc;

    CollectionStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Articles collected per hour since {@code from}: the start of each hour (UTC) that has any → how
     * many. Counted in the database, one row per hour, whatever the number of articles.
     */
    public Map<Instant, Long> perHour(OffsetDateTime from) {
        Map<Instant, Long> out = new HashMap<>();
        jdbc.sql("""
                SELECT h, COUNT(*) FROM (
                    SELECT CAST(FLOOR(EXTRACT(EPOCH FROM collected_at) / 3600) AS BIGINT) AS h FROM article WHERE collected_at >= ?
                ) t GROUP BY h""")
                .param(from.withOffsetSameInstant(ZoneOffset.UTC))
                .query((rs, i) -> out.put(Instant.ofEpochSecond(rs.getLong(1) * 3600), rs.getLong(2))).list();
        return out;
    }
}

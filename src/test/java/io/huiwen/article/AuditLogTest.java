package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.HandClock;
import io.huiwen.NodeDatabases;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log on embedded H2 and PostgreSQL: entries newest first, filtered, long values cut, never lost. */
class AuditLogTest {

    @RegisterExtension
    static final NodeDatabases DATABASES = new NodeDatabases("auditlog");

    final HandClock clock = new HandClock("2026-11-29T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void recordsWhoDidWhatNewestFirstAndFilters(String database) {
        AuditLog log = new AuditLog(DATABASES.node(database), clock);
        long before = log.find(AuditLog.Filter.all(), 1, 1000).total();
        log.record("王编辑", "article.edit", "article", 7L, "标题改为《新标题》", "{\"title\":\"旧标题\"}", "{\"title\":\"新标题\"}");
        clock.advance(Duration.ofMinutes(1));
        log.record("admin", "source.disable", "source", 3L, "停用来源 甬派", null, null);

        Page<AuditLog.Entry> newest = log.find(AuditLog.Filter.all(), 1, 1);
        assertThat(newest.total()).isEqualTo(before + 2);
        assertThat(newest.items()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.action()).isEqualTo("source.disable");
            assertThat(e.targetId()).isEqualTo("3");
        });
        Page<AuditLog.Entry> byEditor = log.find(new AuditLog.Filter("王编辑", null, "article", "7"), 1, 10);
        assertThat(byEditor.items()).singleElement().satisfies(e -> {
            assertThat(e.summary()).isEqualTo("标题改为《新标题》");
            assertThat(e.before()).contains("旧标题");
            assertThat(e.after()).contains("新标题");
            assertThat(e.at().toInstant()).isEqualTo(clock.instant().minus(Duration.ofMinutes(1)));
        });
        assertThat(log.distinct("action")).contains("article.edit", "source.disable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aWholeBodyIsKeptCutNotRefused(String database) {
        AuditLog log = new AuditLog(DATABASES.node(database), clock);
        String body = "段".repeat(AuditLog.MAX_VALUE + 500);
        log.record("admin", "article.edit-body", "article", 9L, null, body, "短");
        AuditLog.Entry entry = log.find(new AuditLog.Filter(null, "article.edit-body", null, null), 1, 1).items().get(0);
        assertThat(entry.before()).hasSize(AuditLog.MAX_VALUE).endsWith("…");
        assertThat(entry.after()).isEqualTo("短");
    }
}

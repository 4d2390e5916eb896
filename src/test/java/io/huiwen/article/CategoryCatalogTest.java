package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiwen.HandClock;
import io.huiwen.NodeDatabases;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The editors' category changes and the dashboard's hourly counts on embedded H2 and PostgreSQL:
 * each change audited and announced in the change log (article 0 for the navigation, each moved
 * article by its id), and the counts made by the same SQL on both.
 */
class CategoryCatalogTest {

    @RegisterExtension
    static final NodeDatabases DATABASES = new NodeDatabases("categorycatalog");

    final HandClock clock = new HandClock("2026-11-29T08:00:00Z");

    static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static long article(JdbcClient jdbc, String key, Long categoryId, OffsetDateTime collected) {
        jdbc.sql("""
                INSERT INTO article (content_key, title, collected_at, body_text, body_html, simhash, band0, band1, band2, band3,
                    sort_time, category_id) VALUES (?, ?, ?, '正文', '<p>正文</p>', 0, 0, 0, 0, 0, ?, ?)""")
                .params(key, "标题" + key, collected, collected, categoryId).update();
        return count(jdbc, "SELECT id FROM article WHERE content_key = ?", key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void categoriesAreCreatedMovedGivenAliasesAndDeletedAfterTheirArticlesMove(String database) {
        JdbcClient jdbc = DATABASES.node(database);
        CategoryRepository categories = new CategoryRepository(jdbc);
        CategoryCatalog catalog = new CategoryCatalog(jdbc, categories, new IndexOutbox(jdbc), new AuditLog(jdbc, clock));
        long navigation = count(jdbc, "SELECT COUNT(*) FROM index_outbox WHERE article_id = 0");

        Category car = catalog.create("王主编", "qiche", "汽车");
        assertThat(categories.findAll().get(categories.findAll().size() - 1)).isEqualTo(car);
        assertThatThrownBy(() -> catalog.create("王主编", "qiche", "汽车二")).hasMessage("栏目代号 qiche 已被使用");
        assertThatThrownBy(() -> catalog.create("王主编", "qi_che", "车")).hasMessageStartingWith("栏目代号只能用小写字母");

        catalog.move("王主编", car.id(), -1);
        List<String> order = categories.findAll().stream().map(Category::slug).toList();
        assertThat(order.subList(order.size() - 2, order.size())).containsExactly("qiche", "wenhua");
        assertThat(categories.findAll().stream().map(Category::position).distinct()).hasSize(order.size());

        assertThat(catalog.setAliases("王主编", car.id(), "车市、汽车频道，新能源车")).containsExactly("车市", "新能源车");
        assertThat(categories.forBreadcrumb(List.of("首页", "车市")).orElseThrow().slug()).isEqualTo("qiche");
        assertThatThrownBy(() -> catalog.setAliases("王主编", car.id(), "车市,证券")).hasMessage("别名“证券”已指向栏目 财经，一个别名只能属于一个栏目");

        long a = article(jdbc, "car-1", car.id(), OffsetDateTime.now(clock));
        assertThatThrownBy(() -> catalog.delete("王主编", car.id(), null)).hasMessageContaining("还有 1 篇文章");
        assertThatThrownBy(() -> catalog.delete("王主编", car.id(), "qiche")).hasMessage("不能把文章移到要删除的栏目本身");
        catalog.delete("王主编", car.id(), "keji");
        assertThat(categories.findBySlug("qiche")).isEmpty();
        assertThat(count(jdbc, "SELECT category_id FROM article WHERE id = ?", a)).isEqualTo(categories.require("keji").id());
        assertThat(count(jdbc, "SELECT COUNT(*) FROM index_outbox WHERE article_id = ?", a)).isEqualTo(1);
        assertThat(count(jdbc, "SELECT COUNT(*) FROM index_outbox WHERE article_id = 0")).isEqualTo(navigation + 3);

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE target_type = 'category' AND target_id = 'qiche' ORDER BY id")
                .query(String.class).list()).containsExactly("category.create", "category.reorder", "category.aliases", "category.delete");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_log").query(String.class).list()).containsExactly("王主编");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theNamesPagesAreFiledUnderAreReadOnceAndForgottenWhenTheCategoriesChange(String database) {
        JdbcClient jdbc = DATABASES.node(database);
        CategoryRepository categories = new CategoryRepository(jdbc);
        CategoryCatalog catalog = new CategoryCatalog(jdbc, categories, new IndexOutbox(jdbc), new AuditLog(jdbc, clock));
        assertThat(categories.forBreadcrumb(List.of("首页", "房车"))).isEmpty();

        // another node's change, not yet read from the change log: what was read stands
        jdbc.sql("INSERT INTO category (slug, name, position) VALUES ('fangche', '房车', 900)").update();
        assertThat(categories.forBreadcrumb(List.of("首页", "房车"))).as("read once, not per page").isEmpty();
        categories.articlesChanged(ArticlesChanged.of(java.util.Set.of(42L)));
        assertThat(categories.forBreadcrumb(List.of("首页", "房车"))).as("an article's change is not the navigation's").isEmpty();
        categories.articlesChanged(ArticlesChanged.of(java.util.Set.of(IndexOutbox.NO_ARTICLE)));
        Category fangche = categories.forBreadcrumb(List.of("首页", "房车")).orElseThrow();
        assertThat(fangche.slug()).isEqualTo("fangche");

        // this node's own changes are seen at once
        catalog.setAliases("王主编", fangche.id(), "旅居车");
        assertThat(categories.forBreadcrumb(List.of("旅居车")).orElseThrow().slug()).isEqualTo("fangche");
        catalog.rename("王主编", fangche.id(), "房车露营");
        assertThat(categories.forChannelName("房车露营", false).orElseThrow().slug()).isEqualTo("fangche");
        catalog.delete("王主编", fangche.id(), null);
        assertThat(categories.forBreadcrumb(List.of("旅居车"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void articlesAreCountedPerHourInTheDatabase(String database) {
        JdbcClient jdbc = DATABASES.node(database);
        OffsetDateTime nine = OffsetDateTime.parse("2026-11-29T09:00:00+08:00");
        article(jdbc, "hour-1-" + database, null, nine.plusMinutes(1));
        article(jdbc, "hour-2-" + database, null, nine.plusMinutes(59));
        article(jdbc, "hour-3-" + database, null, nine.plusMinutes(60));
        article(jdbc, "hour-old-" + database, null, nine.minusDays(5));

        Map<Instant, Long> perHour = new CollectionStats(jdbc).perHour(nine.minusDays(3));
        assertThat(perHour).containsEntry(nine.toInstant(), 2L).containsEntry(nine.plusHours(1).toInstant(), 1L)
                .doesNotContainKey(nine.minusDays(5).toInstant());
    }
}

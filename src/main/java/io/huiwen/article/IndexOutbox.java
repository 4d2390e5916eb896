package io.huiwen.article;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The "to be indexed" records, written in the same transaction as the article change they
 * announce (outbox), so a crash between database and search index loses nothing.
 */
@Repository
class IndexOutbox {

    private final JdbcClient jdbc;

    IndexOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(long articleId) {
        jdbc.sql("INSERT INTO index_outbox (article_id) VALUES (?)").param(articleId).update();
    }

    void addAll(Collection<Long> articleIds) {
        articleIds.forEach(this::add);
    }

    /**
     * Announces a change to what every page shows around the articles (the category navigation)
     * rather than to an article: a row for {@link #NO_ARTICLE}. Every node reading the log then
     * forgets its cached pages as for any change ({@link ArticlesChanged}); its index finds no
     * article with that id and removes nothing.
     */
    void navigationChanged() {
        add(NO_ARTICLE);
    }

    /** Identity columns start at 1: no article has this id. */
    static final long NO_ARTICLE = 0;
}

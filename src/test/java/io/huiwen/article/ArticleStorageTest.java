package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiwen.TestDataDir;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Storing an article in the running application: one transaction with its index record, its HTML sanitized. */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
class ArticleStorageTest {

    static final Path DATA = TestDataDir.create("storage");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired ArticleRepository articles;
    @Autowired ArticleStore store;
    @Autowired IndexSync index;

    @Test
    void anArticleAndItsIndexRecordAreStoredTogetherOrNotAtAll(@Autowired JdbcClient jdbc) {
        index.drain();
        long articlesBefore = articles.count();
        long outboxBefore = jdbc.sql("SELECT COUNT(*) FROM index_outbox").query(Long.class).single();
        var page = new ExtractedArticle(null, "事务测试文章", null, "测试", null, null, List.of(), "这是一篇用来测试事务的文章。", "<p>这是一篇用来测试事务的文章。</p>", List.of(), "zh", List.of());
        assertThatThrownBy(() -> store.store(page, "no-such-category", OffsetDateTime.now())).isInstanceOf(IllegalArgumentException.class);
        assertThat(articles.count()).isEqualTo(articlesBefore);
        long id = store.store(page, "shehui", OffsetDateTime.now()).id();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox WHERE article_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox").query(Long.class).single()).isEqualTo(outboxBefore + 1);
        long change = jdbc.sql("SELECT MAX(id) FROM index_outbox WHERE article_id = ?").param(id).query(Long.class).single();
        index.drain();
        assertThat(jdbc.sql("SELECT position FROM change_reader WHERE name = ?").param(index.reader()).query(Long.class).single())
                .as("the index read past the article's change").isGreaterThanOrEqualTo(change);
    }

    @Test
    void storedHtmlIsSanitized() {
        var hostile = new ExtractedArticle(null, "恶意脚本测试", null, "测试", null, null, List.of(), "正文。",
                "<p onclick=\"steal()\">正文。</p><script>steal()</script><a href=\"javascript:steal()\">链接</a>", List.of(), "zh", List.of());
        long id = store.store(hostile, "shehui", OffsetDateTime.now()).id();
        assertThat(articles.findById(id).orElseThrow().html()).contains("正文。").doesNotContain("script", "onclick", "javascript:");
    }
}

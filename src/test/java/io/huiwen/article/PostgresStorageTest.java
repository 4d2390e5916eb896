package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.TestPostgres;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The same migrations and queries on a real PostgreSQL (the scale-out database): a fresh
 * database on the local server, demo content loaded through the real import path, and the
 * portal's pages, story clusters, view counting and hot list working on it.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class PostgresStorageTest {

    static final Optional<TestPostgres> DATABASE = TestPostgres.create("huiwen_pgstorage_");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        assumeTrue(DATABASE.isPresent(), "no PostgreSQL server at " + TestPostgres.SERVER);
        DATABASE.get().register(registry);
        registry.add("huiwen.data-dir", () -> TestDataDir.create("postgres").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired IndexSync index;
    @Autowired ViewCounter views;

    @Test
    void thePortalRunsOnPostgresql() throws Exception {
        assertThat(articles.count()).isGreaterThanOrEqualTo(30);
        index.drain();
        String home = page("/");
        assertThat(home).contains("最新文章", "热门文章", "<a href=\"/c/caijing\">财经</a>");
        assertThat(page("/c/caijing")).contains("3 家媒体报道");
        long id = articles.latest(1, 1).items().get(0).id();
        assertThat(page("/a/" + id)).contains("相关阅读");
        assertThat(page("/search?q=马拉松")).contains("<em>马拉松</em>");
        for (int i = 0; i < 5; i++) {
            views.count(id, "192.0.2." + i, "Mozilla/5.0");
        }
        views.flush();
        views.count(id, "192.0.2.99", "Mozilla/5.0");
        views.flush(); // the second flush merges into the same hourly bucket
        assertThat(articles.findById(id).orElseThrow().views()).isEqualTo(7); // 6 readers here, 1 by opening the page
        assertThat(page("/api/v1/hot")).contains("\"items\":[{\"id\":" + id + ",");
        assertThat(page("/feed.xml")).contains("<rss version=\"2.0\"");
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", "Mozilla/5.0")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.CategoryRepository;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #11: "N 家媒体报道" was counted four ways (published rows in the page's category, every
 * status, published only). A story is as big as its published reports, on every list.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class StorySizeTest {

    static final Path DATA = TestDataDir.create("story-size");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired CategoryRepository categories;
    @Autowired IndexSync index;
    @Autowired ViewCounter views;
    @Autowired JdbcClient jdbc;

    @Test
    void aStoryCountsItsPublishedReportsOnEveryList() throws Exception {
        index.drain();
        ArticleSummary lead = articles.latest(1, 100).items().stream()
                .filter(a -> a.title().startsWith("望海港前十月外贸进出口")).findFirst().orElseThrow();
        long story = lead.storyId();
        List<ArticleSummary> others = articles.storyMembers(story, lead.id());
        assertThat(others).as("three published reports").hasSize(2);
        long keji = categories.findBySlug("keji").orElseThrow().id();
        jdbc.sql("UPDATE article SET category_id = ? WHERE id = ?").params(keji, others.get(1).id()).update();
        long awaiting = articles.latest(1, 100).items().stream().filter(a -> a.storyId() != story && a.storySize() == 1)
                .findFirst().orElseThrow().id();
        jdbc.sql("UPDATE article SET story_id = ?, status = 'review' WHERE id = ?").params(story, awaiting).update();
        views.count(lead.id(), "203.0.113.7", BROWSER);
        views.flush();

        for (String list : List.of("/api/v1/articles?category=caijing&size=100", "/api/v1/articles?category=keji&size=100",
                "/api/v1/latest?size=100", "/api/v1/search?q=望海港外贸&size=100", "/api/v1/hot?days=30&size=100")) {
            JsonNode item = itemOf(json(list), story);
            assertThat(item.get("story_size").asInt()).as(list).isEqualTo(3);
        }
        for (String category : List.of("caijing", "keji")) {
            long shown = itemOf(json("/api/v1/articles?category=" + category + "&size=100"), story).get("id").asLong();
            assertThat(page("/c/" + category)).as(category)
                    .containsPattern(Pattern.compile("href=\"/a/" + shown + "\">[^<]*</a>\\s*<span class=\"story-size\">3 家媒体报道"));
        }
        assertThat(page("/search?q=望海港外贸")).contains("<span class=\"story-size\">3 家媒体报道</span>");
    }

    JsonNode itemOf(JsonNode listing, long story) {
        for (JsonNode item : listing.get("items")) {
            if (item.get("story_id").asLong() == story) {
                return item;
            }
        }
        throw new AssertionError("story " + story + " not listed in " + listing);
    }

    JsonNode json(String path) throws Exception {
        return JSON.readTree(page(path));
    }

    String page(String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", BROWSER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}

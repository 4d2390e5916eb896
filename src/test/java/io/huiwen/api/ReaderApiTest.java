package io.huiwen.api;

import static io.huiwen.DemoSite.BROWSER;
import static io.huiwen.DemoSite.idOfTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.IndexSync;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader API over the demo content, end to end, and the 热门 ranking it serves as readers and
 * crawlers read articles. JSON shapes and errors: ArticleApiTest.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.site-url=https://news.example.cn"})
@AutoConfigureMockMvc
class ReaderApiTest {

    static final Path DATA = TestDataDir.create("reader-api");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired ArticleStore store;
    @Autowired IndexSync index;
    @Autowired ViewCounter views;

    @BeforeEach
    void indexed() {
        index.drain();
    }

    String page(String path) throws Exception {
        return DemoSite.page(mvc, path);
    }

    @Test
    void apiReturnsAnArticleWithTheFieldsOfInterfacesMd() throws Exception {
        long id = idOfTitle(articles, "望海港前十月外贸进出口");
        JsonNode a = JSON.readTree(page("/api/v1/articles/" + id));
        assertThat(a.propertyNames()).contains("id", "url", "source_url", "title", "publish_time", "source", "author", "editor",
                "category", "breadcrumb", "excerpt", "text", "html", "images", "tags", "story_id", "also_reported_by", "views");
        assertThat(a.get("url").asString()).isEqualTo("https://news.example.cn/a/" + id);
        assertThat(a.get("category").get("slug").asString()).isEqualTo("caijing");
        assertThat(a.get("publish_time").asString()).endsWith("+08:00");
        assertThat(a.get("also_reported_by")).hasSize(2);
        assertThat(a.get("tags").size()).isBetween(3, 8);
        JsonNode related = JSON.readTree(page("/api/v1/articles/" + id + "/related")).get("items");
        assertThat(related.size()).isBetween(1, 6);
        related.forEach(r -> assertThat(r.get("story_id").asLong()).isNotEqualTo(a.get("story_id").asLong()));
    }

    @Test
    void apiListsPagesCategoriesAndSearchResults() throws Exception {
        JsonNode list = JSON.readTree(page("/api/v1/articles?category=keji&size=2&page=1"));
        assertThat(list.get("size").asInt()).isEqualTo(2);
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.get("total").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode categories = JSON.readTree(page("/api/v1/categories")).get("items");
        assertThat(categories.get(0).get("slug").asString()).isEqualTo("caijing");
        assertThat(categories.get(0).get("count").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode found = JSON.readTree(page("/api/v1/search?q=马拉松"));
        assertThat(found.get("total").asLong()).isPositive();
        assertThat(found.get("items").get(0).get("snippet").asString()).contains("<em>马拉松</em>");
        assertThat(JSON.readTree(page("/api/v1/latest?size=3")).get("items")).hasSize(3);
    }

    @Test
    void readerViewsMakeAStoryHotButCrawlersDoNot() throws Exception {
        long id = idOfTitle(articles, "一页一页");
        for (int i = 0; i < 40; i++) {
            mvc.perform(get("/a/" + id).header("User-Agent", "Googlebot/2.1 (+http://www.google.com/bot.html)"));
        }
        views.flush();
        assertThat(articles.findById(id).orElseThrow().views()).isZero();
        for (int i = 0; i < 40; i++) {
            page("/a/" + id); // one reader reloading: counted once this hour
        }
        for (int reader = 1; reader <= 30; reader++) {
            String address = "203.0.113." + reader;
            mvc.perform(get("/a/" + id).header("User-Agent", BROWSER).with(r -> {
                r.setRemoteAddr(address);
                return r;
            })).andExpect(status().isOk());
        }
        views.flush();
        assertThat(articles.findById(id).orElseThrow().views()).isEqualTo(31);
        assertThat(page("/api/v1/hot")).startsWith("{\"total\":").contains("\"items\":[{\"id\":" + id + ",");
        assertThat(page("/api/v1/hot?window=24h")).doesNotContain("\"id\":" + id + ","); // read today, but published days ago
        mvc.perform(get("/api/v1/hot").param("window", "1y")).andExpect(status().isBadRequest());
    }

    @Test
    void anOldStoryIsNeverHotHoweverOftenItIsRead() throws Exception {
        var old = new ExtractedArticle(null, "五年前的旧闻", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusYears(5), "档案馆", null, null,
                List.of("首页", "社会"), "这是一篇五年前的旧闻，正文足够长，用来测试热门排行的时间衰减。", "<p>这是一篇五年前的旧闻。</p>", List.of(), "zh", List.of());
        long id = store.store(old, null, OffsetDateTime.now()).id();
        for (int i = 0; i < 200; i++) {
            views.count(id, "198.51.100." + i % 250 + "." + i, BROWSER);
        }
        views.flush();
        assertThat(page("/api/v1/hot?size=50")).doesNotContain("\"id\":" + id + ",");
        assertThat(page("/")).doesNotContain("五年前的旧闻</a></li>");
    }

    @Test
    void listItemsSayHowPreciseThePublishTimeIsAsTheArticleDoes() throws Exception {
        String text = "北岭村的老祠堂改成了村史馆，展出村里几代人用过的农具、家书和老照片，周末向附近的学生免费开放。";
        long dateOnly = store.store(new ExtractedArticle(null, "北岭村老祠堂改成村史馆", null, "北岭晚报", null, null, List.of(), text,
                "<p>" + text + "</p>", List.of(), "zh", List.of()).withPublishTime(OffsetDateTime.of(2019, 6, 15, 0, 0, 0, 0,
                ZoneOffset.ofHours(8)), ExtractedArticle.TimePrecision.DAY), "wenhua", OffsetDateTime.now()).id();
        index.drain();
        for (String list : List.of("/api/v1/articles?category=wenhua&size=100", "/api/v1/articles?size=100", "/api/v1/latest?size=100",
                "/api/v1/search?q=村史馆")) {
            JsonNode items = JSON.readTree(page(list)).get("items");
            JsonNode item = null;
            for (JsonNode i : items) {
                item = i.get("id").asLong() == dateOnly ? i : item;
            }
            assertThat(item).as(list + " lists it").isNotNull();
            assertThat(item.get("publish_time_precision").asString()).as(list).isEqualTo("day");
            assertThat(items.get(0).has("publish_time_precision")).as(list).isTrue();
        }
        JsonNode demo = JSON.readTree(page("/api/v1/articles?category=caijing&size=1")).get("items").get(0);
        assertThat(demo.get("publish_time_precision").asString()).as("a demo article, dated to the second").isEqualTo("second");
    }
}

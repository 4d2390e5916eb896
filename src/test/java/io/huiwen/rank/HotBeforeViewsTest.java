package io.huiwen.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * Issue #15: on a fresh install 热门 was 最新 (same links, same order). Before anyone reads, a story
 * many outlets report is hot, the more so the more recent its newest report; one entry per story.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.demo-content=false"})
@AutoConfigureMockMvc
class HotBeforeViewsTest {

    static final Path DATA = TestDataDir.create("hot-before-views");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleStore store;
    @Autowired IndexSync index;
    @Autowired JdbcClient jdbc;

    int next;

    @Test
    void storiesManyOutletsReportRankAboveTheNewestLoneArticleUntilTheyAreOld() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Long> yesterday = story(now.minusHours(25), "滨江新区地铁四号线试运行", "东海日报", "甬城晚报", "潮声日报");
        List<Long> weeksOld = story(now.minusDays(20), "港区三年前启动的疏浚工程完工", "东海日报", "甬城晚报", "潮声日报", "海港新闻网");
        long lone = story(now.minusHours(1), "社区食堂推出老年人午餐套餐", "东海日报").get(0);
        long loneToday = story(now.minusHours(8), "城南菜场早市延长一小时", "甬城晚报").get(0);
        index.drain();

        List<Long> latest = ids(json("/api/v1/latest?size=10"));
        assertThat(latest).as("最新: newest first, a story once").startsWith(lone, loneToday);
        for (String hotList : List.of("/api/v1/hot?size=10", "/api/v1/hot?size=10&days=30")) {
            JsonNode hot = json(hotList);
            List<Long> order = ids(hot);
            assertThat(order).as(hotList).isNotEqualTo(latest);
            assertThat(order.get(0)).as("three outlets yesterday above one an hour ago").isIn(yesterday);
            assertThat(hot.get("items").get(0).get("story_size").asInt()).isEqualTo(3);
            assertThat(order.indexOf(lone)).isPositive();
            assertThat(order.stream().filter(yesterday::contains)).as("one entry per story").hasSize(1);
            if (order.stream().anyMatch(weeksOld::contains)) {
                long old = order.stream().filter(weeksOld::contains).findFirst().orElseThrow();
                assertThat(order.indexOf(old)).as("a story weeks old is below today's").isGreaterThan(order.indexOf(loneToday));
            }
        }
        assertThat(ids(json("/api/v1/hot?size=10&days=30"))).as("the 30-day window reaches the old story").anyMatch(weeksOld::contains);
    }

    /** One story told by each of these outlets, all its reports published at {@code when} (a minute apart). */
    List<Long> story(OffsetDateTime when, String title, String... outlets) {
        List<Long> ids = new ArrayList<>();
        Long storyId = null;
        for (int i = 0; i < outlets.length; i++) {
            int n = ++next;
            String text = title + "。" + outlets[i] + "记者报道，第" + n + "篇稿件，编号" + n * 7919 + "，" + "相关部门表示将持续跟进。".repeat(3);
            var page = new ExtractedArticle("https://news" + n + ".example.cn/a/" + n + ".html", title + (i == 0 ? "" : "（" + outlets[i] + "）"),
                    when.plusMinutes(i), outlets[i], null, null, List.of(), text, "<p>" + text + "</p>", List.of(), "zh", List.of());
            long id = store.store(page, "shehui", when.plusMinutes(i)).id();
            if (storyId == null) {
                storyId = jdbc.sql("SELECT story_id FROM article WHERE id = ?").param(id).query(Long.class).single();
            } else {
                jdbc.sql("UPDATE article SET story_id = ? WHERE id = ?").params(storyId, id).update();
            }
            ids.add(id);
        }
        return ids;
    }

    JsonNode json(String path) throws Exception {
        return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    static List<Long> ids(JsonNode listing) {
        List<Long> out = new ArrayList<>();
        listing.get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }
}

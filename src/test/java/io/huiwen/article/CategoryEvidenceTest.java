package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where an article's category comes from: the editor, the source, the page's breadcrumb, then a
 * classifier trained on the demo corpus; what the classifier is unsure of waits for an editor.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class CategoryEvidenceTest {

    static final Path DATA = TestDataDir.create("categories");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    static final String MARATHON = "周日上午，滨湖国际马拉松鸣枪开跑，两万名跑者参赛。男子全程冠军以2小时10分的成绩刷新赛会纪录，"
            + "女子冠军由本土选手获得。赛事组委会在赛道沿线设置了补给站和医疗点，志愿者为选手服务。不少市民来到赛道旁为跑者加油。";
    static final String STARGAZING = "彗星将在本月下旬接近近日点，天文爱好者可在黎明前的东方低空寻找它的身影。"
            + "观测者建议带上双筒望远镜，远离城市灯光，选择视野开阔的山顶。彗尾的长度会随着距离太阳变近而增加。";

    @Autowired ArticleStore store;
    @Autowired ArticleRepository articles;
    @Autowired CategoryRepository categories;
    @Autowired IndexSync index;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    static ExtractedArticle page(String title, String text, String... breadcrumb) {
        return new ExtractedArticle(null, title, OffsetDateTime.now(), "测试来源", null, null, List.of(breadcrumb), text,
                "<p>" + text + "</p>", List.of(), "zh", List.of());
    }

    String categoryBy(long id) {
        return jdbc.sql("SELECT category_by FROM article WHERE id = ?").param(id).query(String.class).single();
    }

    String slugOf(long id) {
        Category c = articles.findById(id).orElseThrow().category();
        return c == null ? null : c.slug();
    }

    @Test
    void aBreadcrumbNamesACategoryByNameOrAlias() {
        long finance = store.store(page("银行下调存款利率", "多家银行宣布下调定期存款利率。", "首页", "财经频道"), null, OffsetDateTime.now()).id();
        long world = store.store(page("多国代表出席峰会", "峰会在日内瓦举行。", "首頁", "國際"), null, OffsetDateTime.now()).id();
        long upward = store.store(page("季度经济数据发布", "一季度经济运行稳中有进。", "首页", "经济", "正文"), null, OffsetDateTime.now()).id();
        assertThat(slugOf(finance)).isEqualTo("caijing");
        assertThat(slugOf(world)).isEqualTo("guoji");
        assertThat(slugOf(upward)).as("正文 names no category; the crumb above it does").isEqualTo("caijing");
        assertThat(categoryBy(finance)).isEqualTo("breadcrumb");
    }

    @Test
    void aBreadcrumbWeHaveNoCategoryForCreatesNone() {
        int before = categories.findAll().size();
        long id = store.store(page("滨湖马拉松开跑 两万跑者参赛", MARATHON, "首页", "房产"), null, OffsetDateTime.now()).id();
        assertThat(categories.findAll()).hasSize(before).noneMatch(c -> c.name().equals("房产"));
        assertThat(slugOf(id)).as("the classifier decides instead").isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("classifier");
        assertThat(articles.findById(id).orElseThrow().published()).isTrue();
    }

    @Test
    void theEditorsChoiceBeatsTheBreadcrumb() {
        long id = store.store(page("马拉松赛事带动消费", MARATHON, "首页", "财经"), "tiyu", OffsetDateTime.now()).id();
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("editor");
    }

    @Test
    void whatTheClassifierIsUnsureOfWaitsForAnEditor() throws Exception {
        long id = store.store(page("彗星本月下旬可见", STARGAZING), null, OffsetDateTime.now()).id();
        Article stored = articles.findById(id).orElseThrow();
        assertThat(stored.published()).isFalse();
        assertThat(jdbc.sql("SELECT review_reason FROM article WHERE id = ?").param(id).query(String.class).single()).isEqualTo("category");
        index.drain();
        mvc.perform(get("/a/" + id)).andExpect(status().isNotFound());

        String admin = mvc.perform(get("/admin").with(httpBasic("admin", "test-admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("彗星本月下旬可见").contains("栏目待定").contains("<option value=\"keji\"");

        mvc.perform(post("/admin/articles/" + id + "/publish").param("category", "keji").with(httpBasic("admin", "test-admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.findById(id).orElseThrow().published()).isTrue();
        assertThat(slugOf(id)).isEqualTo("keji");
        assertThat(categoryBy(id)).isEqualTo("editor");
        index.drain();
        String section = mvc.perform(get("/c/keji")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(section).contains("彗星本月下旬可见");
    }

    @Test
    void anEditorMovesAnArticleToAnotherCategoryThroughTheApi() throws Exception {
        long id = store.store(page("马拉松赛事带动消费", MARATHON, "首页", "财经"), null, OffsetDateTime.now()).id();
        String body = "{\"category\":\"tiyu\"}";
        mvc.perform(post("/api/v1/articles/" + id + "/category").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        assertThat(slugOf(id)).isEqualTo("caijing");
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"no-such\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/articles/999999/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(httpBasic("admin", "test-admin"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        assertThat(slugOf(id)).isEqualTo("tiyu");
        assertThat(categoryBy(id)).isEqualTo("editor");
    }

    @Test
    void theClassifierNeverLearnsFromItsOwnGuesses(@Autowired CategoryGuesser guesser) {
        long guessed = store.store(page("滨湖马拉松开跑", MARATHON), null, OffsetDateTime.now()).id();
        assertThat(categoryBy(guessed)).isEqualTo("classifier");
        long evidence = jdbc.sql("SELECT COUNT(*) FROM article a WHERE " + CategoryGuesser.EVIDENCE).query(Long.class).single();
        long withCategory = jdbc.sql("SELECT COUNT(*) FROM article WHERE category_id IS NOT NULL AND status = 'published'")
                .query(Long.class).single();
        long byClassifier = jdbc.sql("SELECT COUNT(*) FROM article WHERE category_by = 'classifier' AND category_id IS NOT NULL AND status = 'published'")
                .query(Long.class).single();
        assertThat(evidence).isEqualTo(withCategory - byClassifier);
    }
}

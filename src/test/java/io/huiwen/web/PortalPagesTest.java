package io.huiwen.web;

import static io.huiwen.DemoSite.idOfTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.CategoryRepository;
import io.huiwen.search.IndexSync;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reader portal over the demo content, end to end: database, index and templates together.
 * How each page renders what it is given is pinned by PortalControllerTest and SearchControllerTest.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.site-url=https://news.example.cn"})
@AutoConfigureMockMvc
class PortalPagesTest {

    static final Path DATA = TestDataDir.create("portal-pages");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired IndexSync index;

    @BeforeEach
    void indexed() {
        index.drain();
    }

    String page(String path) throws Exception {
        return DemoSite.page(mvc, path);
    }

    @Test
    void demoContentFillsEveryCategory(@Autowired CategoryRepository categories) {
        assertThat(articles.count()).isGreaterThanOrEqualTo(30);
        for (String slug : List.of("caijing", "keji", "shehui", "guoji", "tiyu", "wenhua")) {
            assertThat(articles.inCategory(categories.findBySlug(slug).orElseThrow().id(), 1, 10).total()).as(slug).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void demoContentIsNeverLoadedTwice(@Autowired ApplicationContext context) throws Exception {
        long before = articles.count();
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(args);
        }
        assertThat(articles.count()).isEqualTo(before);
    }

    @Test
    void homeShowsNavigationLatestHotAndABlockPerCategory() throws Exception {
        String html = page("/");
        assertThat(html).contains("<a href=\"/c/caijing\">财经</a>", "<a href=\"/c/keji\">科技</a>", "<a href=\"/c/wenhua\">文化</a>")
                .contains("最新文章", "热门文章");
        for (String name : List.of("财经", "科技", "社会", "国际", "体育", "文化")) {
            assertThat(html).containsPattern("<section class=\"block\">\\s*<h2><a href=\"/c/[a-z]+\">" + name + "</a></h2>");
        }
    }

    @Test
    void listsShowARepostedStoryOnceWithItsNumberOfOutlets() throws Exception {
        String html = page("/c/caijing");
        String list = html.substring(html.indexOf("class=\"main-col\""), html.indexOf("<aside class=\"side-col\""));
        assertThat(list.split("跨境电商", -1)).hasSize(2); // the story once, though three outlets carry it (热门 beside may list it too)
        assertThat(html).contains("3 家媒体报道");
    }

    @Test
    void categoryPageHasBreadcrumbAndPager() throws Exception {
        String html = page("/c/tiyu");
        assertThat(html).contains("当前位置：<a href=\"/\">首页</a> &gt; <span>体育</span>").contains("第 1 / 1 页").contains("马拉松");
    }

    @Test
    void unknownArticlesCategoriesAndTagsAreNotFound() throws Exception {
        for (String path : List.of("/a/999999", "/c/nosuchcategory", "/t/没有这个标签", "/a/not-a-number")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/c/keji").param("page", "not-a-number")).andExpect(status().isBadRequest());
    }

    @Test
    void aTagPageListsItsArticlesAndATraditionalSpellingLeadsThere() throws Exception {
        String html = page("/t/机器人");
        assertThat(html).contains("标签：机器人").contains("人形机器人同场竞技");
        String location = mvc.perform(get("/t/機器人")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).isEqualTo("/t/%E6%9C%BA%E5%99%A8%E4%BA%BA");
    }

    @Test
    void articlePageShowsBylineBodyTagsAndTheThreeLists() throws Exception {
        long id = idOfTitle(articles, "人形机器人同场竞技");
        String html = page("/a/" + id);
        assertThat(html).contains("<h1>人形机器人同场竞技").contains("&gt; <a href=\"/c/keji\">科技</a>")
                .contains("日期：<time datetime=").contains("来源：").contains("编辑：")
                .contains("<figcaption>").contains("class=\"tags\"")
                .contains("<h2>相关阅读</h2>", "<h2>热门文章</h2>", "<h2>最新文章</h2>");
        String related = html.substring(html.indexOf("<h2>相关阅读</h2>"), html.indexOf("<aside"));
        assertThat(related).doesNotContain("href=\"/a/" + id + "\"");
        assertThat(related.split("<li>", -1).length - 1).isBetween(1, 6);
    }

    @Test
    void aRepostSaysWhoElseReportedTheStory() throws Exception {
        long original = idOfTitle(articles, "望海港前十月外贸进出口");
        String html = page("/a/" + original);
        assertThat(html).contains("同一新闻的其他报道（3 家媒体报道）").contains("汇闻财经").contains("新视界客户端");
    }

    @Test
    void searchFindsHighlightsAndNeverErrs() throws Exception {
        String html = page("/search?q=机器人");
        assertThat(html).contains("找到约").contains("<em>机器人</em>").contains("value=\"机器人\"");
        for (String q : List.of("\"", "-", "((((", "a".repeat(10_000), "<script>alert(1)</script>")) {
            String result = mvc.perform(get("/search").param("q", q)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(result).doesNotContain("<script>alert(1)</script>");
        }
        assertThat(page("/search?q=完全不存在的词语组合xyzzy")).contains("没有找到");
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(page("/actuator/health")).contains("\"status\":\"UP\"");
    }
}

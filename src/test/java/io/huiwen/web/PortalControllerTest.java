package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;
import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleState;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Page;
import io.huiwen.rank.HotRanking;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.RelatedArticles;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The portal's pages (home, category, tag, article) rendered from what the repositories hand over. */
@WebMvcTest(controllers = PortalController.class, properties = "huiwen.data-dir=target/slice-data/portal-controller")
@ImportAutoConfiguration({JteAutoConfiguration.class, ServletJteAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class})
class PortalControllerTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);
    static final Category KEJI = new Category(2, "keji", "科技", 2);

    @Autowired MockMvc mvc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean CategoryRepository categories;
    @MockitoBean HotRanking hot;
    @MockitoBean ViewCounter views;
    @MockitoBean RelatedArticles related;

    @BeforeEach
    void twoCategories() {
        given(categories.findAll()).willReturn(List.of(CAIJING, KEJI));
        given(categories.findBySlug("caijing")).willReturn(Optional.of(CAIJING));
    }

    static ArticleSummary summary(long id, String title, int storySize) {
        return new ArticleSummary(id, title, NOON, NOON, "汇闻财经", CAIJING, title + "的摘要", id, storySize);
    }

    static Article article(long id, String title, ArticleState state) {
        return new Article(id, "https://example.cn/news/" + id + ".html", title, NOON, NOON, "汇闻财经", "张三", "李四", CAIJING,
                List.of("首页", "财经"), "摘要", "正文", "<p>正文第一段。</p>", List.of(), "zh", List.of("外贸", "港口"), id, 0, null, state);
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void homeShowsNavigationLatestHotAndABlockOnlyForCategoriesWithArticles() throws Exception {
        given(articles.newest(8)).willReturn(List.of(summary(11, "港口外贸创新高", 1)));
        given(articles.newestIn(CAIJING.id(), 6)).willReturn(List.of(summary(11, "港口外贸创新高", 1)));
        given(hot.top(anyInt(), any())).willReturn(List.of(summary(12, "热门的一篇报道", 1)));

        String html = html(get("/"));

        assertThat(html).contains("<a href=\"/c/caijing\">财经</a>", "<a href=\"/c/keji\">科技</a>")
                .contains("最新文章", "热门文章", "港口外贸创新高", "热门的一篇报道")
                .containsPattern("<section class=\"block\">\\s*<h2><a href=\"/c/caijing\">财经</a></h2>")
                .doesNotContainPattern("<section class=\"block\">\\s*<h2><a href=\"/c/keji\">");
    }

    @Test
    void categoryPageShowsBreadcrumbAStoryOnceWithItsOutletsAndAPagerToTheNextPage() throws Exception {
        given(articles.inCategory(CAIJING.id(), 1, PortalController.PAGE_SIZE))
                .willReturn(new Page<>(List.of(summary(21, "跨境电商迎来新政", 3)), 45, 1, PortalController.PAGE_SIZE));

        String html = html(get("/c/caijing"));

        assertThat(html).contains("当前位置：<a href=\"/\">首页</a> &gt; <span>财经</span>")
                .contains("3 家媒体报道").contains("第 1 / 3 页")
                .contains("<a rel=\"next\" href=\"/c/caijing?page=2\">下一页</a>").doesNotContain("上一页")
                .contains("<a href=\"/c/caijing/feed.xml\">订阅本栏目 RSS</a>");
        assertThat(html.split("href=\"/a/21\"", -1)).hasSize(2); // one entry for the story, however many outlets carry it
    }

    @Test
    void categoryPageAsksForTheRequestedPageAndLinksBack() throws Exception {
        given(articles.inCategory(CAIJING.id(), 3, PortalController.PAGE_SIZE))
                .willReturn(new Page<>(List.of(summary(41, "第三页的文章", 1)), 45, 3, PortalController.PAGE_SIZE));

        assertThat(html(get("/c/caijing").param("page", "3")))
                .contains("第 3 / 3 页").contains("<a rel=\"prev\" href=\"/c/caijing?page=2\">上一页</a>").doesNotContain("下一页");
    }

    @Test
    void unknownCategoryIsNotFound() throws Exception {
        mvc.perform(get("/c/nosuchcategory")).andExpect(status().isNotFound());
    }

    @Test
    void articlePageShowsBylineBodyTagsAndOtherReportsOfTheStory() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, "望海港外贸进出口创新高", ArticleState.PUBLISHED)));
        given(articles.storyMembers(31, 31)).willReturn(List.of(summary(32, "转载：望海港外贸", 3), summary(33, "再转：望海港外贸", 3)));

        String html = html(get("/a/31"));

        assertThat(html).contains("<h1>望海港外贸进出口创新高</h1>").contains("&gt; <a href=\"/c/caijing\">财经</a>")
                .contains("来源：汇闻财经", "作者：张三", "编辑：李四").contains("<p>正文第一段。</p>")
                .contains("<a href=\"/t/%E5%A4%96%E8%B4%B8\">外贸</a>")
                .contains("同一新闻的其他报道（3 家媒体报道）")
                .contains("<h2>相关阅读</h2>", "暂无相关文章");
        verify(views).count(eq(31L), any(), any());
    }

    @Test
    void unknownArticleIsNotFoundAndNotCounted() throws Exception {
        mvc.perform(get("/a/999999")).andExpect(status().isNotFound());
        mvc.perform(get("/a/not-a-number")).andExpect(status().isNotFound()); // a path that names nothing
        verify(views, never()).count(anyLong(), any(), any());
    }

    @Test
    void articleAwaitingReviewIsHiddenFromReadersButEditorsPreviewIt() throws Exception {
        given(articles.findById(41)).willReturn(Optional.of(article(41, "待审核的文章", ArticleState.REVIEW)));

        mvc.perform(get("/a/41")).andExpect(status().isNotFound());
        assertThat(html(get("/a/41").with(r -> {
            r.addUserRole("ADMIN");
            return r;
        }))).contains("<h1>待审核的文章</h1>");
    }

    @Test
    void tagPageListsItsArticles() throws Exception {
        given(articles.withTag("机器人", 1, PortalController.PAGE_SIZE))
                .willReturn(new Page<>(List.of(summary(51, "人形机器人同场竞技", 1)), 1, 1, PortalController.PAGE_SIZE));

        assertThat(html(get("/t/机器人"))).contains("标签：机器人").contains("人形机器人同场竞技");
    }

    @Test
    void tagWithoutArticlesIsNotFound() throws Exception {
        given(articles.withTag("没有这个标签", 1, PortalController.PAGE_SIZE))
                .willReturn(new Page<>(List.of(), 0, 1, PortalController.PAGE_SIZE));

        mvc.perform(get("/t/没有这个标签")).andExpect(status().isNotFound());
    }

    @Test
    void traditionalSpellingOfATagRedirectsToTheSimplifiedOneKeepingThePage() throws Exception {
        mvc.perform(get("/t/機器人")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/t/%E6%9C%BA%E5%99%A8%E4%BA%BA"));
        mvc.perform(get("/t/機器人").param("page", "2")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/t/%E6%9C%BA%E5%99%A8%E4%BA%BA?page=2"));
        verify(articles, never()).withTag(any(), anyInt(), anyInt());
    }
}

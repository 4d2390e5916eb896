package io.huiwen.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.article.Article;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleState;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Page;
import io.huiwen.rank.HotRanking;
import io.huiwen.search.ArticleSearch;
import io.huiwen.search.RelatedArticles;
import io.huiwen.search.SearchResults;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The article API's JSON over mocked repositories: field names, errors as {"error"}, clamped sizes. */
@WebMvcTest(controllers = ArticleApi.class,
        properties = {"huiwen.data-dir=target/slice-data/article-api", "huiwen.site-url=https://news.example.cn"})
@ImportAutoConfiguration(ApplicationAvailabilityAutoConfiguration.class)
class ArticleApiTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);

    @Autowired MockMvc mvc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean CategoryRepository categories;
    @MockitoBean HotRanking hot;
    @MockitoBean ArticleSearch search;
    @MockitoBean RelatedArticles related;
    @MockitoBean io.huiwen.article.ReviewQueue review;

    static ArticleSummary summary(long id, String title) {
        return new ArticleSummary(id, title, NOON, NOON, "汇闻财经", CAIJING, "摘要", id, 1);
    }

    static Article article(long id, ArticleState state) {
        return new Article(id, "https://example.cn/news/" + id + ".html", "望海港外贸进出口创新高", NOON, NOON, "汇闻财经", "张三", "李四",
                CAIJING, List.of("首页", "财经"), "摘要", "正文", "<p>正文</p>", List.of(), "zh", List.of("外贸", "港口", "进出口"), 30, 12, null,
                state);
    }

    @Test
    void articleHasTheSnakeCaseFieldsOfInterfacesMd() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, ArticleState.PUBLISHED)));
        given(articles.otherReports(30, 31)).willReturn(List.of(
                new ArticleRepository.OtherReport(32, "新视界客户端", "https://example.cn/32"),
                new ArticleRepository.OtherReport(33, "港城日报", "https://example.cn/33")));

        mvc.perform(get("/api/v1/articles/31")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.id").value(31))
                .andExpect(jsonPath("$.url").value("https://news.example.cn/a/31"))
                .andExpect(jsonPath("$.source_url").value("https://example.cn/news/31.html"))
                .andExpect(jsonPath("$.publish_time").value("2026-11-20T12:00:00+08:00"))
                .andExpect(jsonPath("$.category.slug").value("caijing"))
                .andExpect(jsonPath("$.breadcrumb", contains("首页", "财经")))
                .andExpect(jsonPath("$.tags", hasSize(3)))
                .andExpect(jsonPath("$.story_id").value(30))
                .andExpect(jsonPath("$.views").value(12))
                .andExpect(jsonPath("$.also_reported_by", hasSize(2)))
                .andExpect(jsonPath("$.also_reported_by[0].source_url").value("https://example.cn/32"))
                .andExpect(jsonPath("$.author").value("张三"))
                .andExpect(jsonPath("$.editor").value("李四"))
                .andExpect(jsonPath("$.excerpt").exists()).andExpect(jsonPath("$.text").exists())
                .andExpect(jsonPath("$.html").exists()).andExpect(jsonPath("$.images").isArray())
                .andExpect(jsonPath("$.sourceUrl").doesNotExist());
    }

    @Test
    void unknownArticleIsA404WithAnErrorField() throws Exception {
        mvc.perform(get("/api/v1/articles/999999")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"no article with id 999999\"}", true));
    }

    @Test
    void articleAwaitingReviewIsNotFound() throws Exception {
        given(articles.findById(41)).willReturn(Optional.of(article(41, ArticleState.REVIEW)));

        mvc.perform(get("/api/v1/articles/41")).andExpect(status().isNotFound()).andExpect(jsonPath("$.error").exists());
    }

    @Test
    void nonNumericIdIsA400NamingTheParameter() throws Exception {
        mvc.perform(get("/api/v1/articles/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid value for parameter 'id'"));
    }

    @Test
    void listOfACategoryIsPagedWithSnakeCaseSummaries() throws Exception {
        given(categories.findBySlug("caijing")).willReturn(Optional.of(CAIJING));
        given(articles.inCategory(CAIJING.id(), 2, 2)).willReturn(new Page<>(List.of(summary(7, "第一篇"), summary(8, "第二篇")), 9, 2, 2));

        mvc.perform(get("/api/v1/articles").param("category", "caijing").param("page", "2").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(9)).andExpect(jsonPath("$.page").value(2)).andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].url").value("https://news.example.cn/a/7"))
                .andExpect(jsonPath("$.items[0].story_size").value(1))
                .andExpect(jsonPath("$.items[0].publish_time").value("2026-11-20T12:00:00+08:00"));
    }

    @Test
    void unknownCategoryIsA404() throws Exception {
        mvc.perform(get("/api/v1/articles").param("category", "nosuch")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no category with slug nosuch"));
    }

    @Test
    void sizeIsClampedBetweenOneAndAHundred() throws Exception {
        given(articles.latest(anyInt(), anyInt())).willAnswer(call -> new Page<ArticleSummary>(List.of(), 0, call.getArgument(0), call.getArgument(1)));

        mvc.perform(get("/api/v1/latest").param("size", "5000")).andExpect(jsonPath("$.size").value(ArticleApi.MAX_SIZE));
        mvc.perform(get("/api/v1/articles").param("size", "0")).andExpect(jsonPath("$.size").value(1));
        verify(articles).latest(1, ArticleApi.MAX_SIZE);
        verify(articles).latest(1, 1);
    }

    @Test
    void hotTakesA24HourOrSevenDayWindowOrDaysUpToThirty() throws Exception {
        given(hot.top(anyInt(), any())).willReturn(List.of(summary(7, "热门")));

        mvc.perform(get("/api/v1/hot").param("window", "24h")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(7));
        mvc.perform(get("/api/v1/hot").param("days", "90").param("size", "500")).andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(ArticleApi.MAX_SIZE));
        verify(hot).top(10, Duration.ofHours(24));
        verify(hot).top(ArticleApi.MAX_SIZE, Duration.ofDays(30));
    }

    @Test
    void hotWithAnUnknownWindowIsA400() throws Exception {
        mvc.perform(get("/api/v1/hot").param("window", "1y")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("window must be 24h or 7d"));
    }

    @Test
    void relatedListsTheSummariesOfTheRelatedArticles() throws Exception {
        given(articles.findById(31)).willReturn(Optional.of(article(31, ArticleState.PUBLISHED)));
        given(related.of(31, 30)).willReturn(List.of(50L));
        given(articles.publishedSummaries(List.of(50L))).willReturn(List.of(summary(50, "相关的一篇")));

        mvc.perform(get("/api/v1/articles/31/related")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1))).andExpect(jsonPath("$.items[0].story_id").value(50));
    }

    @Test
    void categoriesCarryTheirNumberOfStories() throws Exception {
        given(categories.findAll()).willReturn(List.of(CAIJING, new Category(2, "keji", "科技", 2)));
        given(categories.storyCounts()).willReturn(Map.of(1L, 7L));

        mvc.perform(get("/api/v1/categories")).andExpect(status().isOk())
                .andExpect(content().json("{\"items\":[{\"slug\":\"caijing\",\"name\":\"财经\",\"count\":7},"
                        + "{\"slug\":\"keji\",\"name\":\"科技\",\"count\":0}]}", true));
    }

    @Test
    void searchHitsCarryTheirSnippet() throws Exception {
        var hit = new SearchResults.Hit(7, "<em>马拉松</em>", "城市<em>马拉松</em>开跑");
        given(search.search(any())).willReturn(new ArticleSearch.Found(new SearchResults(1, 1, 10, List.of(hit)),
                List.of(new ArticleSearch.Found.Item(hit, summary(7, "马拉松")))));

        mvc.perform(get("/api/v1/search").param("q", "马拉松")).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].snippet").value("城市<em>马拉松</em>开跑"))
                .andExpect(jsonPath("$.related_tags").isArray());
    }

    @Test
    void searchWithoutAQueryIsA400() throws Exception {
        mvc.perform(get("/api/v1/search")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("q is required"));
    }

    @Test
    void searchWhileTheIndexFailsIsA503WithRetryAfter() throws Exception {
        var constructor = ArticleSearch.Unavailable.class.getDeclaredConstructor(RuntimeException.class);
        constructor.setAccessible(true);
        given(search.search(any())).willThrow(constructor.newInstance(new IllegalStateException("index closed")));

        mvc.perform(get("/api/v1/search").param("q", "马拉松")).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("search is temporarily unavailable; try again in a moment"));
    }
}

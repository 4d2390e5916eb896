package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.search.ArticleSearch;
import io.huiwen.search.SearchRequest;
import io.huiwen.search.SearchResults;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The search page over a mocked search: what the reader sees for hits, no query, bad input and a failing index. */
@WebMvcTest(controllers = SearchController.class, properties = "huiwen.data-dir=target/slice-data/search-controller")
@ImportAutoConfiguration({JteAutoConfiguration.class, ServletJteAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class})
class SearchControllerTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category KEJI = new Category(2, "keji", "科技", 2);

    @Autowired MockMvc mvc;
    @MockitoBean ArticleSearch search;
    @MockitoBean CategoryRepository categories;
    @MockitoBean io.huiwen.rank.HotRanking hot;
    @MockitoBean io.huiwen.article.ArticleRepository articles;

    String page(MockHttpServletRequestBuilder request, ResultMatcher expected) throws Exception {
        return mvc.perform(request).andExpect(expected).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** What ArticleSearch throws when its index fails (its constructor is the search package's own). */
    static ArticleSearch.Unavailable indexFailed() throws Exception {
        var constructor = ArticleSearch.Unavailable.class.getDeclaredConstructor(RuntimeException.class);
        constructor.setAccessible(true);
        return constructor.newInstance(new IllegalStateException("index closed"));
    }

    @Test
    void hitsAreListedWithTheirHighlightedSnippetAndTheQueryStaysInTheBox() throws Exception {
        var article = new ArticleSummary(5, "人形机器人同场竞技", NOON, NOON, "新视界", KEJI, "摘要", 5, 1);
        var hit = new SearchResults.Hit(5, "人形<em>机器人</em>同场竞技", "一场<em>机器人</em>运动会");
        given(search.search(any())).willReturn(new ArticleSearch.Found(new SearchResults(1, 1, SearchController.PAGE_SIZE, List.of(hit)),
                List.of(new ArticleSearch.Found.Item(hit, article))));

        String html = page(get("/search").param("q", "机器人"), status().isOk());

        assertThat(html).contains("找到约 1 条结果").contains("<em>机器人</em>").contains("value=\"机器人\"");
    }

    @Test
    void emptyQueryAsksForWordsWithoutSearching() throws Exception {
        String html = page(get("/search").param("q", "   "), status().isOk());

        assertThat(html).contains("请输入要搜索的词语。");
        verify(search, never()).search(any());
    }

    @Test
    void queryWithoutHitsSaysNothingWasFound() throws Exception {
        given(search.search(any())).willReturn(ArticleSearch.Found.nothing(SearchResults.empty(1, SearchController.PAGE_SIZE)));

        assertThat(page(get("/search").param("q", "完全不存在的词语组合xyzzy"), status().isOk()))
                .contains("没有找到与“完全不存在的词语组合xyzzy”相关的文章");
    }

    @Test
    void unreadableDateIsIgnoredAndSaidSoAndUnreadablePageIsTheFirst() throws Exception {
        given(search.search(any())).willReturn(ArticleSearch.Found.nothing(SearchResults.empty(1, SearchController.PAGE_SIZE)));

        String html = page(get("/search").param("q", "港口").param("from", "昨天").param("page", "abc"), status().isOk());

        assertThat(html).contains("日期“昨天”无法识别（应写作 2026-11-20），已忽略。");
        var asked = ArgumentCaptor.forClass(SearchRequest.class);
        verify(search).search(asked.capture());
        assertThat(asked.getValue().from()).isNull();
        assertThat(asked.getValue().page()).isEqualTo(1);
    }

    @Test
    void markupInTheQueryIsEscaped() throws Exception {
        given(search.search(any())).willReturn(ArticleSearch.Found.nothing(SearchResults.empty(1, SearchController.PAGE_SIZE)));

        assertThat(page(get("/search").param("q", "<script>alert(1)</script>"), status().isOk())).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void failingIndexAnswers503WithRetryAfterAndSaysSearchIsDownForNow() throws Exception {
        given(search.search(any())).willThrow(indexFailed());

        String html = mvc.perform(get("/search").param("q", "机器人")).andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains(SearchController.UNAVAILABLE);
    }
}

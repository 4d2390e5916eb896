package io.huiwen.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import gg.jte.springframework.boot.autoconfigure.JteAutoConfiguration;
import gg.jte.springframework.boot.autoconfigure.ServletJteAutoConfiguration;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.AuditLog;
import io.huiwen.article.CollectionStats;
import io.huiwen.article.SourceCatalog;
import io.huiwen.rank.HotRanking;
import io.huiwen.article.ArticleSummary;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.EditorialDesk;
import io.huiwen.article.Page;
import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.SourcePoller;
import io.huiwen.search.SearchIndex;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The admin pages ({@link AdminController}, {@link SourcesAdminController}, {@link LoginController})
 * behind the project's own {@link SecurityConfig}: anonymous browsers are sent to the login page (other
 * clients get a Basic challenge),
 * an admin ({@code @WithMockUser(roles = "ADMIN")}) sees the pages, and form posts need the CSRF token.
 * The password comes from {@code huiwen.admin.password}, so the mocked {@link JdbcClient} is never asked.
 */
@WebMvcTest(controllers = {AdminController.class, SourcesAdminController.class, LoginController.class},
        properties = {"huiwen.data-dir=target/slice-data/admin-pages", "huiwen.admin.password=test-admin"})
@ImportAutoConfiguration({JteAutoConfiguration.class, ServletJteAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
        SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
@Import(AdminSecurity.class)
class AdminPagesTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);

    @Autowired WebApplicationContext context;
    MockMvc mvc;

    @MockitoBean JdbcClient jdbc;
    @MockitoBean ArticleRepository articles;
    @MockitoBean EditorialDesk desk;
    @MockitoBean SearchIndex index;
    @MockitoBean CategoryRepository categories;
    @MockitoBean SourceRepository sources;
    @MockitoBean SourcePoller poller;
    @MockitoBean SourceCatalog catalog;
    @MockitoBean AuditLog audit;
    @MockitoBean CollectionStats stats;
    @MockitoBean HotRanking hot;

    @BeforeEach
    void mockMvcWithTheFilterChain() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        given(categories.findAll()).willReturn(List.of(CAIJING));
    }

    static ArticleSummary summary(long id, String title) {
        return new ArticleSummary(id, title, NOON, NOON, "汇闻财经", CAIJING, "摘要", id, 1);
    }

    static Source source(long id, String name) {
        return new Source(id, name, "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, CAIJING, 30, 30, true, null, null,
                false, null, null, null, null, null, null, NOON, NOON, 0, null, null);
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginPageAndOtherClientsAskedForBasicAuth() throws Exception {
        mvc.perform(get("/admin").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/sources").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin")).andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"));
        verify(articles, never()).awaitingReview(anyInt());
    }

    @Test
    void theLoginPageIsPublicAndSaysWhenASignInFailed() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("编辑登录")))
                .andExpect(content().string(not(containsString("用户名或密码不对"))));
        mvc.perform(get("/login").param("error", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名或密码不对，请重试。")));
        mvc.perform(get("/login").param("logout", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("您已退出登录。")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theDashboardShowsTheCountsAndWhatWaitsForReviewWithItsReason() throws Exception {
        given(articles.count()).willReturn(120L);
        given(index.size()).willReturn(118L);
        given(articles.awaitingReview(50)).willReturn(List.of(summary(41, "待审的港口新闻")));
        given(articles.reviewReasons(List.of(41L))).willReturn(Map.of(41L, "category"));
        given(articles.latest(1, 30)).willReturn(new Page<>(List.of(summary(40, "最新的一篇")), 1, 1, 30));

        mvc.perform(get("/admin")).andExpect(status().isOk())
                .andExpect(content().string(containsString("文章 120 篇 · 已索引 118 篇")))
                .andExpect(content().string(containsString("待审核（1）")))
                .andExpect(content().string(containsString("待审的港口新闻")))
                .andExpect(content().string(containsString("栏目待定")))
                .andExpect(content().string(containsString("最新的一篇")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    @WithMockUser(roles = "USER")
    void aSignedInNonAdminIsForbidden() throws Exception {
        mvc.perform(get("/admin")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void publishingWithoutTheCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/admin/articles/41/publish").param("category", "caijing")).andExpect(status().isForbidden());
        verify(desk, never()).publish(anyLong(), anyString(), anyString());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void publishingRedirectsToTheDashboardWithANotice() throws Exception {
        given(desk.publish(41, "caijing", "user")).willReturn(true);
        given(desk.publish(42, "caijing", "user")).willReturn(false);
        given(desk.publish(43, "nosuch", "user")).willThrow(new IllegalArgumentException("no category with slug 'nosuch'"));

        mvc.perform(post("/admin/articles/41/publish").param("category", "caijing").with(csrf()))
                .andExpect(redirectedUrl("/admin")).andExpect(flash().attribute("notice", "文章 41 已发布"));
        mvc.perform(post("/admin/articles/42/publish").param("category", "caijing").with(csrf()))
                .andExpect(redirectedUrl("/admin")).andExpect(flash().attribute("notice", "文章 42 不在待审核列表中"));
        mvc.perform(post("/admin/articles/43/publish").param("category", "nosuch").with(csrf()))
                .andExpect(redirectedUrl("/admin")).andExpect(flash().attribute("notice", "没有这个栏目：nosuch"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theSourcesPageListsEverySource() throws Exception {
        given(sources.findAll()).willReturn(List.of(source(7, "港城日报")));
        given(sources.collectedCounts(any())).willReturn(Map.of(7L, new long[] {4, 120}));

        mvc.perform(get("/admin/sources")).andExpect(status().isOk())
                .andExpect(content().string(containsString("来源管理")))
                .andExpect(content().string(containsString("港城日报")))
                .andExpect(content().string(containsString("https://gangcheng.example.cn/rss.xml")));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void runNowRedirectsWithWhatThePollFoundOrWhyNot() throws Exception {
        Source s = source(7, "港城日报");
        given(sources.findById(7)).willReturn(Optional.of(s));
        given(poller.runNow(s)).willReturn(Optional.of(new SourcePoller.PollResult(7, 12, 5, 6, 1, false, null, null)),
                Optional.empty());

        mvc.perform(post("/admin/sources/7/run").with(csrf())).andExpect(redirectedUrl("/admin/sources"))
                .andExpect(flash().attribute("notice", "港城日报：发现 12 篇，新增 5 篇，重复 6 篇，失败 1 篇"));
        mvc.perform(post("/admin/sources/7/run").with(csrf())).andExpect(redirectedUrl("/admin/sources"))
                .andExpect(flash().attribute("notice", "港城日报 正在抓取中，请稍后再试"));
        mvc.perform(post("/admin/sources/99/run").with(csrf())).andExpect(redirectedUrl("/admin/sources"))
                .andExpect(flash().attribute("error", "没有编号为 99 的来源（可能已被删除）"));
        verify(audit).record("user", "source.run", "source", 7L, "立即抓取 港城日报", null, "港城日报：发现 12 篇，新增 5 篇，重复 6 篇，失败 1 篇");
    }
}

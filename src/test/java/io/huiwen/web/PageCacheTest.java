package io.huiwen.web;

import static io.huiwen.DemoSite.idOfTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.rank.ViewCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The rendered-page cache end to end: a page is rendered once and then sent from memory, and
 * every kind of article change shows on the pages within the change log's sync interval (1 s),
 * learnt the way every node learns it (ArticlesChanged from the index follower), never by a
 * drain called here. Each test first proves the page it watches is cached.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.search.sync-interval=500ms"})
@AutoConfigureMockMvc
class PageCacheTest {

    static final Path DATA = TestDataDir.create("page-cache");
    /** The sync interval plus rendering, with room for a loaded machine. */
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired ArticleStore store;
    @Autowired JdbcClient jdbc;
    @Autowired ViewCounter views;
    @Autowired MeterRegistry metrics;
    @Autowired PageCache cache;

    MockHttpServletResponse fetch(String path, String userAgent) throws Exception {
        return mvc.perform(get(path).header("User-Agent", userAgent)).andReturn().getResponse();
    }

    String body(String path) throws Exception {
        return fetch(path, DemoSite.BROWSER).getContentAsString(StandardCharsets.UTF_8);
    }

    /** Asks for the page until it is served from the cache: what the change must then get past. */
    void cached(String path) throws Exception {
        fetch(path, DemoSite.BROWSER);
        assertThat(fetch(path, DemoSite.BROWSER).getHeader(PageCacheFilter.X_CACHE)).as(path).isEqualTo("HIT");
    }

    void showsSoon(String path, Predicate<MockHttpServletResponse> changed) throws Exception {
        long deadline = System.nanoTime() + SHOWS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (changed.test(fetch(path, DemoSite.BROWSER))) {
                return;
            }
            Thread.sleep(100);
        }
        fail(path + " did not show the change within " + SHOWS_WITHIN);
    }

    static Predicate<MockHttpServletResponse> contains(String text) {
        return r -> text(r).contains(text);
    }

    static String text(MockHttpServletResponse r) {
        try {
            return r.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageIsRenderedOnceThenSentFromMemoryAndCounted() throws Exception {
        double hitsBefore = hits();
        MockHttpServletResponse first = fetch("/c/tiyu?page=1", DemoSite.BROWSER);
        MockHttpServletResponse second = fetch("/c/tiyu?page=1", DemoSite.BROWSER);
        assertThat(first.getHeader(PageCacheFilter.X_CACHE)).isEqualTo("MISS");
        assertThat(second.getHeader(PageCacheFilter.X_CACHE)).isEqualTo("HIT");
        assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
        assertThat(second.getHeader("Content-Language")).isEqualTo(first.getHeader("Content-Language")).isEqualTo("zh-CN");
        assertThat(hits()).isEqualTo(hitsBefore + 1);
        assertThat(metrics.get("huiwen.page.cache.bytes").gauge().value()).isPositive();
    }

    MockHttpServletResponse fetchFrom(String address, String userAgent, String path) throws Exception {
        return mvc.perform(get(path).header("User-Agent", userAgent).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    double hits() {
        return metrics.get("cache.gets").tag("cache", "pages").tag("result", "hit").functionCounter().count();
    }

    @Test
    void aStoredArticleShowsOnHomeCategoryFeedsAndSearchAtOnce() throws Exception {
        String search = "/search?q=无人驾驶接驳";
        for (String path : List.of("/", "/c/keji", "/feed.xml", "/c/keji/feed.xml", "/atom.xml", "/sitemap.xml", search)) {
            cached(path);
        }
        assertThat(body(search)).doesNotContain("城东新区开通无人驾驶接驳线路");
        String text = "城东新区今天开通了首条无人驾驶接驳线路，市民可以在手机上预约车辆，车辆在园区和地铁站之间往返。"
                + "线路试运行期间免费乘坐，运营方说车辆配备了激光雷达和远程安全员，遇到复杂路况会自动减速停车。";
        long id = store.store(new ExtractedArticle(null, "城东新区开通无人驾驶接驳线路", OffsetDateTime.now(ZoneOffset.UTC), "城东日报",
                null, null, List.of("首页", "科技"), text, "<p>" + text + "</p>", List.of(), "zh", List.of()), "keji",
                OffsetDateTime.now(ZoneOffset.UTC)).id();
        showsSoon("/", contains("城东新区开通无人驾驶接驳线路"));
        showsSoon("/c/keji", contains("城东新区开通无人驾驶接驳线路"));
        showsSoon("/feed.xml", contains("城东新区开通无人驾驶接驳线路"));
        showsSoon("/c/keji/feed.xml", contains("城东新区开通无人驾驶接驳线路"));
        showsSoon("/atom.xml", contains("城东新区开通无人驾驶接驳线路"));
        showsSoon("/sitemap.xml", contains("/a/" + id + "<"));
        showsSoon(search, contains("/a/" + id + "\""));
    }

    @Test
    void anEditShowsOnTheArticlePage() throws Exception {
        long id = idOfTitle(articles, "博物馆");
        cached("/a/" + id);
        var article = articles.findById(id).orElseThrow();
        store.replaceExtraction(id, new ExtractedArticle(null, "博物馆夜场延长开放（更正）", article.publishTime(), article.source(), null, null,
                List.of(), article.text(), article.html(), List.of(), "zh", List.of()));
        showsSoon("/a/" + id, contains("<h1>博物馆夜场延长开放（更正）"));
    }

    @Test
    void anArticleTakenDownLeavesItsPageAndTheLists() throws Exception {
        long id = idOfTitle(articles, "一页一页");
        cached("/a/" + id);
        cached("/c/wenhua");
        assertThat(body("/c/wenhua")).contains("/a/" + id + "\"");
        mvc.perform(post("/api/v1/articles/" + id + "/unpublish").with(httpBasic("admin", "test-admin"))).andExpect(status().isOk());
        showsSoon("/a/" + id, r -> r.getStatus() == 404);
        showsSoon("/c/wenhua", r -> !text(r).contains("/a/" + id + "\""));
    }

    @Test
    void aRecategorisedArticleMovesBetweenCategoryPages() throws Exception {
        long id = idOfTitle(articles, "乒乓球公开赛");
        cached("/c/tiyu");
        cached("/c/wenhua");
        assertThat(body("/c/wenhua")).doesNotContain("/a/" + id + "\"");
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(httpBasic("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"category\":\"wenhua\"}")).andExpect(status().isOk());
        showsSoon("/c/wenhua", contains("/a/" + id + "\""));
        showsSoon("/c/tiyu", r -> !text(r).contains("/a/" + id + "\""));
    }

    @Test
    void splittingAndMergingStoriesShowOnTheListsAndTheArticlePage() throws Exception {
        var basic = httpBasic("admin", "test-admin");
        long original = idOfTitle(articles, "社区长者食堂");
        long story = articles.findById(original).orElseThrow().storyId();
        long repost = articles.storyMembers(story, original).get(0).id();
        cached("/c/shehui");
        cached("/a/" + original);
        assertThat(body("/c/shehui")).contains("3 家媒体报道");
        assertThat(body("/a/" + original)).contains("（3 家媒体报道）");
        mvc.perform(post("/api/v1/articles/" + repost + "/split").with(basic)).andExpect(status().isOk());
        showsSoon("/c/shehui", contains("2 家媒体报道"));
        showsSoon("/a/" + original, contains("（2 家媒体报道）"));
        cached("/c/shehui");
        cached("/a/" + original);
        mvc.perform(post("/api/v1/stories/merge").with(basic).contentType(MediaType.APPLICATION_JSON)
                .content("{\"into\":" + story + ",\"from\":" + repost + "}")).andExpect(status().isOk());
        showsSoon("/c/shehui", contains("3 家媒体报道"));
        showsSoon("/a/" + original, contains("（3 家媒体报道）"));
    }

    @Test
    void anArticlePageFromTheCacheStillCountsItsViews() throws Exception {
        long id = idOfTitle(articles, "新雪季开启");
        cached("/a/" + id);
        views.flush();
        long before = articles.findById(id).orElseThrow().views();
        for (int reader = 0; reader < 5; reader++) {
            MockHttpServletResponse r = fetchFrom("203.0.113." + (reader + 1), DemoSite.BROWSER, "/a/" + id);
            assertThat(r.getHeader(PageCacheFilter.X_CACHE)).isEqualTo("HIT");
        }
        fetchFrom("203.0.113.1", DemoSite.BROWSER + " Edg/130.0", "/a/" + id); // the same reader again within the hour: not counted twice
        fetchFrom("203.0.113.9", "Googlebot/2.1", "/a/" + id); // nor a crawler
        views.flush();
        assertThat(articles.findById(id).orElseThrow().views()).isEqualTo(before + 5);
    }

    @Test
    void readersWhoMissTheSamePageAtOnceWaitForOneRenderingOfIt() throws Exception {
        String path = "/a/" + idOfTitle(articles, "新雪季开启");
        int readers = 24;
        cache.forgetAll(); // as when a page expires or a change arrives under load
        CyclicBarrier start = new CyclicBarrier(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int reader = 0; reader < readers; reader++) {
                String address = "198.51.100." + (reader + 1);
                answers.add(pool.submit(() -> {
                    start.await();
                    return fetchFrom(address, DemoSite.BROWSER, path);
                }));
            }
            List<String> sources = new ArrayList<>();
            byte[] first = null;
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse r = answer.get(30, TimeUnit.SECONDS);
                assertThat(r.getStatus()).isEqualTo(200);
                sources.add(r.getHeader(PageCacheFilter.X_CACHE));
                if (first == null) {
                    first = r.getContentAsByteArray();
                }
                assertThat(r.getContentAsByteArray()).isEqualTo(first);
            }
            assertThat(sources).as("one reader renders, the others get its copy").containsOnly("MISS", "HIT")
                    .filteredOn("MISS"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}

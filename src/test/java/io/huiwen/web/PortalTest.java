package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.CategoryRepository;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.rank.ViewCounter;
import io.huiwen.search.IndexSync;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reader portal over the demo content, as a browser or feed reader receives it. */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.site-url=https://news.example.cn"})
@AutoConfigureMockMvc
class PortalTest {

    static final Path DATA = TestDataDir.create("portal");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

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
        return mvc.perform(get(path).header("User-Agent", BROWSER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long idOfTitle(String titleStart) {
        return articles.latest(1, 100).items().stream().filter(a -> a.title().startsWith(titleStart)).findFirst().orElseThrow().id();
    }

    @Test
    void demoContentFillsEveryCategory(@Autowired CategoryRepository categories) {
        assertThat(articles.count()).isGreaterThanOrEqualTo(30);
        for (String slug : List.of("caijing", "keji", "shehui", "guoji", "tiyu", "wenhua")) {
            assertThat(articles.inCategory(categories.findBySlug(slug).orElseThrow().id(), 1, 10).total()).as(slug).isGreaterThanOrEqualTo(5);
        }
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
        assertThat(html.split("跨境电商", -1)).hasSize(2); // the story once, though three outlets carry it
        assertThat(html).contains("3 家媒体报道");
    }

    @Test
    void categoryPageHasBreadcrumbAndPager() throws Exception {
        String html = page("/c/tiyu");
        assertThat(html).contains("当前位置：<a href=\"/\">首页</a> &gt; <span>体育</span>").contains("第 1 / 1 页").contains("马拉松");
    }

    @Test
    void unknownArticlesCategoriesAndTagsAreNotFound() throws Exception {
        for (String path : List.of("/a/999999", "/c/nosuchcategory", "/t/没有这个标签", "/c/nosuchcategory/feed.xml")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/a/not-a-number")).andExpect(status().isBadRequest());
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
        long id = idOfTitle("人形机器人同场竞技");
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
        long original = idOfTitle("望海港前十月外贸进出口");
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
    void feedIsWellFormedRss2WithAbsoluteLinks() throws Exception {
        Document rss = xml(page("/feed.xml"));
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(rss.getElementsByTagName("item").getLength()).isGreaterThanOrEqualTo(20);
        assertThat(rss.getElementsByTagName("link").item(1).getTextContent()).startsWith("https://news.example.cn/a/");
        assertThat(xml(page("/c/caijing/feed.xml")).getElementsByTagName("item").getLength()).isPositive();
        assertThat(xml(page("/atom.xml")).getElementsByTagName("entry").getLength()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void sitemapListsArticlesWithNewsExtensionForRecentOnes() throws Exception {
        String body = page("/sitemap.xml");
        Document sitemap = xml(body);
        assertThat(sitemap.getElementsByTagName("loc").getLength()).isGreaterThanOrEqualTo(30);
        assertThat(body).contains("https://news.example.cn/a/").contains("<news:publication_date>");
    }

    @Test
    void healthIsUp() throws Exception {
        assertThat(page("/actuator/health")).contains("\"status\":\"UP\"");
    }

    @Test
    void adminNeedsLogin() throws Exception {
        assertThat(mvc.perform(get("/admin")).andReturn().getResponse().getStatus()).isIn(302, 401);
        mvc.perform(get("/admin").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin", "test-admin")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("编辑后台")));
        assertThat(mvc.perform(get("/admin").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin", "wrong")))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void readerViewsMakeAStoryHotButCrawlersDoNot() throws Exception {
        long id = idOfTitle("一页一页");
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
    void demoContentIsNeverLoadedTwice(@Autowired ApplicationContext context) throws Exception {
        long before = articles.count();
        ApplicationArguments args = new DefaultApplicationArguments();
        for (ApplicationRunner runner : context.getBeansOfType(ApplicationRunner.class).values()) {
            runner.run(args);
        }
        assertThat(articles.count()).isEqualTo(before);
    }

    @Test
    void apiReturnsAnArticleWithTheFieldsOfInterfacesMd() throws Exception {
        long id = idOfTitle("望海港前十月外贸进出口");
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
    void apiErrorsAreJsonWithAFittingStatus() throws Exception {
        assertThat(mvc.perform(get("/api/v1/articles/999999")).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"no article with id 999999\"}");
        assertThat(mvc.perform(get("/api/v1/articles/abc")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("\"error\":");
        mvc.perform(get("/api/v1/articles").param("category", "nosuch")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/search")).andExpect(status().isBadRequest());
    }

    @Test
    void editorsSplitAnArticleOutOfItsStoryAndMergeStories() throws Exception {
        var basic = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("admin", "test-admin");
        long original = idOfTitle("望海港前十月外贸进出口");
        var members = articles.storyMembers(articles.findById(original).orElseThrow().storyId(), original);
        assertThat(members).hasSize(2);
        long repost = members.get(0).id();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/articles/" + repost + "/split"))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/articles/" + repost + "/split").with(basic))
                .andExpect(status().isOk());
        index.drain();
        assertThat(articles.findById(repost).orElseThrow().storyId()).isEqualTo(repost);
        assertThat(page("/c/caijing")).contains("2 家媒体报道");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/stories/merge").with(basic)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"into\":" + articles.findById(original).orElseThrow().storyId() + ",\"from\":" + repost + "}"))
                .andExpect(status().isOk());
        index.drain();
        assertThat(page("/c/caijing")).contains("3 家媒体报道");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/stories/merge").with(basic)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"into\":1,\"from\":999999}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anArticleAndItsIndexRecordAreStoredTogetherOrNotAtAll(@Autowired JdbcClient jdbc) {
        long articlesBefore = articles.count();
        long outboxBefore = jdbc.sql("SELECT COUNT(*) FROM index_outbox").query(Long.class).single();
        var page = new ExtractedArticle(null, "事务测试文章", null, "测试", null, null, List.of(), "这是一篇用来测试事务的文章。", "<p>这是一篇用来测试事务的文章。</p>", List.of(), "zh", List.of());
        assertThatThrownBy(() -> store.store(page, "no-such-category", OffsetDateTime.now())).isInstanceOf(IllegalArgumentException.class);
        assertThat(articles.count()).isEqualTo(articlesBefore);
        long id = store.store(page, "shehui", OffsetDateTime.now()).id();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox WHERE article_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox").query(Long.class).single()).isEqualTo(outboxBefore + 1);
        index.drain();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox").query(Long.class).single()).isZero();
    }

    @Test
    void storedHtmlIsSanitized() {
        var hostile = new ExtractedArticle(null, "恶意脚本测试", null, "测试", null, null, List.of(), "正文。",
                "<p onclick=\"steal()\">正文。</p><script>steal()</script><a href=\"javascript:steal()\">链接</a>", List.of(), "zh", List.of());
        long id = store.store(hostile, "shehui", OffsetDateTime.now()).id();
        assertThat(articles.findById(id).orElseThrow().html()).contains("正文。").doesNotContain("script", "onclick", "javascript:");
    }

    static Document xml(String body) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}

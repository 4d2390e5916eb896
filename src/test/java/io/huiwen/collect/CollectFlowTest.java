package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.RawPages;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.ingest.Ingest;
import io.huiwen.article.SourceRepository;
import io.huiwen.search.IndexSync;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collection end to end against a fake news site on loopback: sources registered through the
 * API, polled, and their articles on the portal. Loopback is only reachable because the tests
 * allow private hosts; the address guard itself is tested in the fetcher's tests.
 */
@SpringBootTest(properties = {"huiwen.admin.password=secret", "huiwen.demo-content=false", "huiwen.collect.allow-private-hosts=true",
        "huiwen.collect.host-delay=50ms", "huiwen.collect.retry-backoff=50ms", "huiwen.collect.tick=300ms", "huiwen.collect.initial-delay=0s",
        "huiwen.images.reader-wait=10s"}) // a loaded machine may take over a second to fetch the image the test asks for
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the feed test first: later sources meet its story as a duplicate
class CollectFlowTest {

    @RegisterExtension
    static final FakeSiteExtension SITE = new FakeSiteExtension(CollectFlowTest::smallOutlet);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("collect").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired SourceRepository sources;
    @Autowired IndexSync index;

    static String article(String title, String date, String source, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "_测试新闻网</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/finance/\">财经</a></div><h1>" + title + "</h1>"
                + "<div class=\"info\">" + date + " 来源：" + source + "</div><div class=\"article-content\">");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>");
        }
        return b.append("</div><div class=\"footer\">版权所有 测试新闻网</div></body></html>").toString();
    }

    /** The pages of a small news outlet. */
    static void smallOutlet(FakeSite site) {
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nSitemap: " + site.url("/sitemap.xml") + "\n");
        String p1 = "东江港今年前十个月集装箱吞吐量达到一千二百万标箱，同比增长百分之九，创下历史同期新高，港口新开通三条外贸航线。";
        String p2 = "港口负责人介绍，外贸航线的增加带动了集装箱业务增长，自动化码头二期工程也将在明年投入使用，装卸效率将再提高两成。";
        site.page("/news/2026/11/28/port.html", "text/html; charset=utf-8", article("东江港集装箱吞吐量创新高", "2026-11-28 09:30", "东江日报", p1, p2));
        site.page("/news/2026/11/28/park.html", "text/html; charset=utf-8", article("东江新建口袋公园十二处", "2026-11-28 10:00", "东江晚报",
                "东江市今年新建口袋公园十二处，市民出门五分钟就能走进绿地，公园里增设了健身步道和儿童游乐区，周末游人如织。",
                "据介绍，明年还将新建二十处口袋公园，并对老旧公园进行适老化改造，增设座椅、扶手和无障碍通道，让更多居民受益。"));
        site.page("/private/secret.html", "text/html; charset=utf-8", article("不该被抓取的页面", "2026-11-28 11:00", "内部", p1 + "内部资料。", p2));
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>测试新闻网</title><link>" + site.url("/") + "</link>"
                + "<item><title>东江港集装箱吞吐量创新高</title><link>" + site.url("/news/2026/11/28/port.html?utm_source=rss&amp;utm_medium=feed") + "</link>"
                + "<description>东江港吞吐量创新高。</description></item>"
                + "<item><title>不该被抓取的页面</title><link>" + site.url("/private/secret.html") + "</link><description>内部</description></item>"
                + "</channel></rss>";
        site.page("/feed.xml", "application/rss+xml; charset=utf-8", rss.getBytes(StandardCharsets.UTF_8), "\"v1\"");
        String atom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>测试新闻网</title>"
                + "<id>urn:test</id><updated>2026-11-28T02:00:00Z</updated><entry><title>东江新建口袋公园十二处</title><id>urn:park</id>"
                + "<updated>2026-11-28T02:00:00Z</updated><link href=\"" + site.url("/news/2026/11/28/park.html") + "\"/></entry>"
                + "<entry><title>东江港集装箱吞吐量创新高</title><id>urn:port</id><updated>2026-11-28T01:30:00Z</updated>"
                + "<link href=\"" + site.url("/news/2026/11/28/port.html") + "\"/></entry></feed>";
        site.page("/atom.xml", "application/atom+xml", atom);
        String gbkList = "<html><head><meta charset=\"gbk\"><title>财经频道</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
                + "<ul class=\"list\"><li><a href=\"/finance/2026/1128/biz1.html\">东江外贸企业订单排到明年春天</a></li>"
                + "<li><a href=\"/finance/2026/1128/biz2.html\">东江小微企业首贷户数量创新高</a></li></ul>"
                + "<div class=\"pages\"><a href=\"/finance/index_2.html\">下一页</a></div></body></html>";
        site.page("/finance/", "text/html", gbkList, Charset.forName("GBK"));
        site.page("/finance/2026/1128/biz1.html", "text/html", article("东江外贸企业订单排到明年春天", "2026年11月28日 08:00", "东江商报",
                "记者走访东江多家外贸企业了解到，今年以来海外订单持续回暖，不少企业的生产计划已经排到明年春天，车间里一派繁忙景象。",
                "企业负责人表示，新开通的外贸航线降低了物流成本，跨境电商也为企业带来了新的客户，预计全年出口额将增长一成以上。")
                .replace("charset=\"utf-8\"", "charset=\"gbk\""), Charset.forName("GBK"));
        site.page("/finance/2026/1128/biz2.html", "text/html", article("东江小微企业首贷户数量创新高", "2026年11月28日 08:30", "东江商报",
                "记者从东江金融监管部门获悉，今年以来全市新增首贷户一万两千余户，数量创历史同期新高，普惠小微贷款利率持续下行。",
                "多家银行推出了线上信用贷款产品，小微企业通过手机就能申请，最快当天放款，有效缓解了融资难、融资贵的问题。")
                .replace("charset=\"utf-8\"", "charset=\"gbk\""), Charset.forName("GBK"));
        String sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>" + site.url("/news/2026/11/28/park.html") + "</loc><lastmod>2026-11-28</lastmod></url></urlset>";
        site.page("/sitemap.xml", "application/xml", sitemap);
        site.page("/news/2026/11/28/library.html", "text/html; charset=utf-8", article("东江图书馆新馆开放 二十四小时自助借还", "2026-11-28 12:00", "东江晚报",
                "东江市图书馆新馆今天正式向市民开放，新馆藏书一百二十万册，设有少儿阅览区、古籍阅览室和二十四小时自助借还区。",
                "馆长介绍，新馆引入了智能书架和座位预约系统，读者在手机上就能查询图书位置、预约座位，周末还将举办读书分享会。"));
        String jsonFeed = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"测试新闻网\",\"items\":[{\"id\":\"lib\","
                + "\"url\":\"" + site.url("/news/2026/11/28/library.html") + "\",\"title\":\"东江图书馆新馆开放\","
                + "\"summary\":\"新馆开放。\",\"date_published\":\"2026-11-28T04:00:00Z\"}]}";
        site.page("/feed.json", "application/feed+json", jsonFeed);
        site.page("/news/2026/11/28/bridge.html", "text/html; charset=utf-8", article("东江二桥合龙 明年夏天通车", "2026-11-28 13:00", "东江日报",
                "东江二桥主桥今天顺利合龙，大桥全长三点二公里，双向六车道，建成后从江北到江南的车程将由四十分钟缩短到十分钟。",
                "建设单位介绍，接下来将进行桥面铺装和附属设施施工，预计明年夏天建成通车，届时将有效缓解老桥的交通压力。"));
    }

    JsonNode createSource(String body) throws Exception {
        String json = mvc.perform(post("/api/v1/sources").with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(json);
    }

    JsonNode run(long id) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/sources/" + id + "/run").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("poll");
    }

    @Test
    @Order(1)
    void aFeedSourceEndsUpOnThePortalAndRobotsTxtIsObeyed() throws Exception {
        JsonNode source = createSource("{\"name\":\"测试新闻网 RSS\",\"url\":\"" + SITE.url("/feed.xml") + "\",\"type\":\"feed\",\"category\":\"caijing\",\"enabled\":false}");
        assertThat(source.get("status").asString()).isEqualTo("disabled"); // polled only when asked, in this test
        JsonNode poll = run(source.get("id").asLong());
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(1);
        assertThat(poll.get("failed").asInt()).isEqualTo(1);
        assertThat(poll.get("error").asString()).isEqualTo("robots_disallowed");
        assertThat(SITE.count("/private/secret.html")).as("a URL robots.txt disallows is never requested").isZero();
        long id = articles.latest(1, 50).items().stream().filter(a -> a.title().equals("东江港集装箱吞吐量创新高")).findFirst().orElseThrow().id();
        var stored = articles.findById(id).orElseThrow();
        assertThat(stored.sourceUrl()).isEqualTo(SITE.url("/news/2026/11/28/port.html").toString()); // tracking parameters gone
        assertThat(stored.category().slug()).isEqualTo("caijing");
        assertThat(stored.source()).isEqualTo("东江日报");
        index.drain();
        String page = mvc.perform(get("/a/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<h1>东江港集装箱吞吐量创新高</h1>").contains("来源：东江日报").doesNotContain("版权所有");

        JsonNode second = run(source.get("id").asLong());
        assertThat(second.get("unchanged").asBoolean()).as("the second poll is a conditional GET answered 304").isTrue();
        var after = sources.findById(source.get("id").asLong()).orElseThrow();
        assertThat(after.currentIntervalMinutes()).as("an unchanged source is visited less often").isGreaterThan(after.intervalMinutes());
    }

    @Test
    @Order(2)
    void theSameArticleInTwoFeedsIsStoredOncePerUrl() throws Exception {
        JsonNode atom = createSource("{\"url\":\"" + SITE.url("/atom.xml") + "\",\"type\":\"feed\",\"category\":\"shehui\",\"enabled\":false}");
        JsonNode first = run(atom.get("id").asLong());
        assertThat(first.get("duplicates").asInt()).as("the port story came with the RSS feed already").isEqualTo(1);
        long before = articles.count();
        JsonNode again = run(atom.get("id").asLong());
        assertThat(again.get("duplicates").asInt()).isEqualTo(2);
        assertThat(articles.count()).isEqualTo(before);
        assertThat(articles.latest(1, 50).items()).filteredOn(a -> a.title().equals("东江港集装箱吞吐量创新高")).hasSize(1);
    }

    @Test
    @Order(3)
    void rawPagesAreKeptCompressedAndCanBeExtractedAgain(@Autowired RawPages raw, @Autowired ArticleStore store) throws Exception {
        var port = articles.latest(1, 50).items().stream().filter(a -> a.title().equals("东江港集装箱吞吐量创新高")).findFirst().orElseThrow();
        var before = articles.findById(port.id()).orElseThrow();
        assertThat(raw.idsAfter(0, before.sourceId(), 100)).contains(port.id());
        RawPages.Kept kept = raw.get(port.id());
        assertThat(new String(kept.body(), StandardCharsets.UTF_8)).contains("<h1>东江港集装箱吞吐量创新高</h1>");
        var again = new ArticleExtractor().extract(kept.body(), kept.url(), kept.contentType(), java.net.URI.create(kept.url()), null);
        store.replaceExtraction(port.id(), again.withTitle(again.title() + "（更新）"));
        var after = articles.findById(port.id()).orElseThrow();
        assertThat(after.title()).isEqualTo("东江港集装箱吞吐量创新高（更新）");
        assertThat(after.storyId()).isEqualTo(before.storyId());
        assertThat(after.category()).isEqualTo(before.category());
        assertThat(after.sourceUrl()).isEqualTo(before.sourceUrl());
    }

    /**
     * Issue #11: re-extraction ignored the source's charset override and the feed's content, so it
     * could turn a polled article into another one. Now both go through ingest with the same provenance.
     */
    @Test
    void reextractingAPolledPageGivesTheArticleThePollGave(@Autowired Ingest ingest) throws Exception {
        String title = "东江湿地公园迎来首批越冬候鸟";
        String p1 = "东江湿地公园近日迎来今冬首批越冬候鸟，白鹭、苍鹭和数百只野鸭在湖面栖息觅食，吸引不少市民前来观赏拍照。";
        String p2 = "公园管理处介绍，今年新修复湿地一百余亩，补种了芦苇和水生植物，为候鸟提供了更多栖息地和食物来源。";
        String p3 = "管理处提醒市民观鸟时保持距离，不要投喂和惊扰鸟群，园内还设置了观鸟屏风和科普展板，方便市民了解候鸟知识。";
        String p4 = "据观测，今冬到访湿地的候鸟种类比去年多出六种，其中包括两种国家二级保护鸟类，预计候鸟数量将在下月达到高峰。";
        // GBK bytes, no <meta charset>, and a server that says Latin-1: only the source's override reads it right
        SITE.page("/wetland/2026/11/28/birds.html", "text/html; charset=iso-8859-1",
                article(title, "", "东江晚报", p1, p2).replace("<meta charset=\"utf-8\">", ""), Charset.forName("GBK"));
        // the feed has the full text and the date the page leaves out
        SITE.page("/wetland/feed.xml", "application/rss+xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>湿地</title>"
                + "<link>" + SITE.url("/") + "</link><item><title>" + title + "</title><link>" + SITE.url("/wetland/2026/11/28/birds.html")
                + "</link><pubDate>Sat, 28 Nov 2026 06:00:00 GMT</pubDate><content:encoded><![CDATA[<p>" + p1 + "</p><p>" + p2 + "</p><p>"
                + p3 + "</p><p>" + p4 + "</p>]]></content:encoded></item></channel></rss>");
        JsonNode source = createSource("{\"url\":\"" + SITE.url("/wetland/feed.xml") + "\",\"type\":\"feed\",\"category\":\"shehui\","
                + "\"charset\":\"gbk\",\"enabled\":false}");
        JsonNode poll = run(source.get("id").asLong());
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(1);
        long id = articles.latest(1, 50).items().stream().filter(a -> title.equals(a.title())).findFirst().orElseThrow().id();
        var polled = articles.findById(id).orElseThrow();
        assertThat(polled.text()).as("the feed's fuller text").contains(p4);
        assertThat(polled.publishTime()).as("the feed's date").isNotNull();

        ingest.reextract(id);

        assertThat(articles.findById(id).orElseThrow()).isEqualTo(polled);
    }

    @Test
    void fetchAndPollMetricsAreExported() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized()); // metrics are for ADMINs
        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "secret"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(metrics).contains("huiwen_fetch_requests").contains("huiwen_collect_polls");
    }

    @Test
    void aGbkListPageWithoutAFeedGivesItsArticles() throws Exception {
        JsonNode list = createSource("{\"url\":\"" + SITE.url("/finance/") + "\",\"type\":\"list\",\"category\":\"caijing\",\"enabled\":false}");
        JsonNode poll = run(list.get("id").asLong());
        assertThat(poll.get("stored").asInt()).isEqualTo(2);
        assertThat(articles.latest(1, 50).items()).extracting(a -> a.title())
                .contains("东江外贸企业订单排到明年春天", "东江小微企业首贷户数量创新高");
        assertThat(SITE.count("/finance/index_2.html")).as("pagination is not an article").isZero();
    }

    @Test
    void aJsonFeedSourceGivesItsArticlesWithTheFullPageText() throws Exception {
        JsonNode feed = createSource("{\"url\":\"" + SITE.url("/feed.json") + "\",\"type\":\"feed\",\"category\":\"wenhua\",\"enabled\":false}");
        JsonNode poll = run(feed.get("id").asLong());
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(1);
        var stored = articles.latest(1, 50).items().stream().filter(a -> a.title().startsWith("东江图书馆新馆开放")).findFirst().orElseThrow();
        // the feed only had a summary: the article's text is the page's
        assertThat(articles.findById(stored.id()).orElseThrow().text()).contains("二十四小时自助借还区").contains("读书分享会");
    }

    @Test
    void aSingleArticlePageIsASource() throws Exception {
        JsonNode page = createSource("{\"url\":\"" + SITE.url("/news/2026/11/28/bridge.html") + "\",\"type\":\"page\",\"category\":\"shehui\",\"enabled\":false}");
        JsonNode poll = run(page.get("id").asLong());
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(1);
        assertThat(articles.latest(1, 50).items()).extracting(a -> a.title()).contains("东江二桥合龙 明年夏天通车");
    }

    @Test
    void articlesFromASourceThatNeedsReviewWaitForAnEditor() throws Exception {
        SITE.page("/review/2026/11/28/market.html", "text/html; charset=utf-8", article("东江夜市重新开张 百余摊位迎客", "2026-11-28 19:00", "东江晚报",
                "经过三个月的改造，东江老城夜市今晚重新开张，一百多个摊位沿河排开，小吃、手作和文创产品吸引了大批市民和游客。",
                "夜市管理方介绍，改造后的夜市统一了摊位样式，增设了垃圾分类点和公共座椅，并将营业时间延长到凌晨一点。"));
        JsonNode page = createSource("{\"url\":\"" + SITE.url("/review/2026/11/28/market.html") + "\",\"type\":\"page\",\"needs_review\":true,\"enabled\":false}");
        run(page.get("id").asLong());
        long id = articles.awaitingReview(10).stream().filter(a -> a.title().startsWith("东江夜市重新开张")).findFirst().orElseThrow().id();
        mvc.perform(get("/a/" + id)).andExpect(status().isNotFound());
        assertThat(articles.latest(1, 100).items()).noneMatch(a -> a.id() == id);
        String admin = mvc.perform(get("/admin").with(httpBasic("admin", "secret"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("待审核").contains("东江夜市重新开张");
        mvc.perform(post("/admin/articles/" + id + "/publish").with(httpBasic("admin", "secret"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/a/" + id)).andExpect(status().isOk());
        assertThat(articles.latest(1, 100).items()).anyMatch(a -> a.id() == id);
    }

    @Test
    void anArticleWithoutACategoryFromSourceOrPageWaitsForAnEditor() throws Exception {
        // no source default, no breadcrumb, and no categorised corpus to learn from (no demo content here)
        SITE.page("/misc/2026/11/28/kite.html", "text/html; charset=utf-8", article("东江风筝节周末开幕 百余只风筝齐飞", "2026-11-28 10:00", "东江晚报",
                "第十届东江风筝节本周末在滨江草坪开幕，来自各地的百余只风筝将同场放飞，最长的龙形风筝长达两百米。",
                "组委会提醒市民乘坐公共交通前往，草坪周边将临时设置停车区和饮水点。"));
        JsonNode page = createSource("{\"url\":\"" + SITE.url("/misc/2026/11/28/kite.html") + "\",\"type\":\"page\",\"enabled\":false}");
        JsonNode poll = run(page.get("id").asLong());
        assertThat(poll.get("stored").asInt()).as(poll.toString()).isEqualTo(1);
        long id = articles.awaitingReview(10).stream().filter(a -> a.title().startsWith("东江风筝节")).findFirst().orElseThrow().id();
        assertThat(articles.reviewReasons(List.of(id))).containsEntry(id, "category");
        mvc.perform(get("/a/" + id)).andExpect(status().isNotFound());
        String admin = mvc.perform(get("/admin").with(httpBasic("admin", "secret"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).contains("东江风筝节").contains("栏目待定");
    }

    @Test
    void aSitemapSourceGivesItsArticles() throws Exception {
        JsonNode map = createSource("{\"url\":\"" + SITE.url("/sitemap.xml") + "\",\"type\":\"sitemap\",\"category\":\"shehui\",\"enabled\":false}");
        JsonNode poll = run(map.get("id").asLong());
        assertThat(poll.get("found").asInt()).isEqualTo(1);
        assertThat(articles.latest(1, 50).items()).extracting(a -> a.title()).contains("东江新建口袋公园十二处");
    }

    @Test
    void imagesOfHotlinkProtectedOutletsAreServedThroughHuiwenWithTheSourcesReferer() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        SITE.on("/img/crane.png", (exchange, call) -> {
            String referer = exchange.getRequestHeaders().getFirst("Referer");
            boolean allowed = referer != null && referer.startsWith("https://www.dongjiang.example/");
            FakeSite.reply(exchange, allowed ? 200 : 403, allowed ? "image/png" : "text/plain", allowed ? png : "hotlinking refused".getBytes(StandardCharsets.UTF_8));
        });
        SITE.page("/photo/2026/11/28/crane.html", "text/html; charset=utf-8", article("东江港新添两台岸桥 装卸效率再提升", "2026-11-28 15:00", "东江日报",
                "东江港集装箱码头今天新添两台远程操控岸桥，单台岸桥每小时可装卸集装箱四十个，码头整体装卸效率提升一成以上。",
                "港口负责人介绍，新岸桥由操作员在中控室远程操作，工作环境明显改善，明年还将再添三台同型号设备。")
                .replace("<div class=\"article-content\">", "<div class=\"article-content\"><figure><img src=\"/img/crane.png\"><figcaption>新岸桥正在作业。东江港供图</figcaption></figure>"));
        JsonNode page = createSource("{\"url\":\"" + SITE.url("/photo/2026/11/28/crane.html") + "\",\"type\":\"page\",\"category\":\"shehui\",\"enabled\":false,"
                + "\"referer\":\"https://www.dongjiang.example/\"}");
        run(page.get("id").asLong());
        long id = articles.latest(1, 50).items().stream().filter(a -> a.title().startsWith("东江港新添两台岸桥")).findFirst().orElseThrow().id();
        String html = mvc.perform(get("/a/" + id)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("src=\"/img/" + id + "/0\"").doesNotContain("src=\"" + SITE.url("/img/crane.png"));
        for (int i = 0; i < 2; i++) {
            var image = mvc.perform(get("/img/" + id + "/0")).andExpect(status().isOk()).andReturn().getResponse();
            assertThat(image.getContentType()).isEqualTo("image/png");
            assertThat(image.getContentAsByteArray()).isEqualTo(png);
        }
        assertThat(SITE.count("/img/crane.png")).as("fetched once, then served from the cache").isEqualTo(1);
        mvc.perform(get("/img/" + id + "/7")).andExpect(status().isNotFound());
    }

    @Test
    void aSiteGivenAloneIsReadThroughTheSitemapsInItsRobotsTxt() throws Exception {
        JsonNode site = createSource("{\"url\":\"" + SITE.url("/") + "\",\"category\":\"shehui\",\"enabled\":false}");
        assertThat(site.get("type").asString()).isEqualTo("sitemap");
        JsonNode poll = run(site.get("id").asLong());
        assertThat(poll.get("found").asInt()).as(poll.toString()).isEqualTo(1);
        assertThat(SITE.count("/sitemap.xml")).isPositive();
        assertThat(articles.latest(1, 50).items()).extracting(a -> a.title()).contains("东江新建口袋公园十二处");
    }

    @Test
    void aSourceThatFailsShowsATypedReasonAndAnErrorStreak() throws Exception {
        JsonNode missing = createSource("{\"url\":\"" + SITE.url("/gone/feed.xml") + "\",\"type\":\"feed\",\"enabled\":false}");
        JsonNode poll = run(missing.get("id").asLong());
        assertThat(poll.get("error").asString()).isEqualTo("http_404");
        JsonNode shown = JSON.readTree(mvc.perform(get("/api/v1/sources/" + missing.get("id").asLong()).with(httpBasic("admin", "secret")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.get("last_error").asString()).isEqualTo("http_404");
        assertThat(shown.get("error_streak").asInt()).isEqualTo(1);

        String admin = mvc.perform(get("/admin/sources").with(httpBasic("admin", "secret"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).as("the reason in Chinese").contains(FailureInChinese.reason("http_404")).contains("页面不存在").contains("立即抓取");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/broken/empty/, empty_response", "/broken/binary/, not_text", "/broken/gzip-header/, broken_compression",
            "/broken/gzip-body/, broken_compression"})
    void aListPageThatIsNotAPageSaysWhyAndIsNotCalledTooLarge(String path, String reason) throws Exception {
        byte[] gzipped = ResponseBodyTest.gzip("<html><body><a href=\"/a.html\">东江新闻</a></body></html>".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(gzipped, gzipped.length / 2);
        SITE.on(path, (exchange, call) -> {
            switch (path) {
                case "/broken/empty/" -> FakeSite.reply(exchange, 200, "text/html", new byte[0]);
                case "/broken/binary/" -> FakeSite.reply(exchange, 200, "text/html", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
                case "/broken/gzip-header/" -> FakeSite.reply(exchange, 200, "text/html", cut, "Content-Encoding", "gzip");
                default -> FakeSite.reply(exchange, 200, "text/html", cut); // a .gz page served as it is, cut short
            }
        });
        JsonNode list = createSource("{\"url\":\"" + SITE.url(path) + "\",\"type\":\"list\",\"enabled\":false}");
        assertThat(run(list.get("id").asLong()).get("error").asString()).isEqualTo(reason);
        JsonNode shown = JSON.readTree(mvc.perform(get("/api/v1/sources/" + list.get("id").asLong()).with(httpBasic("admin", "secret")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(shown.get("last_error").asString()).isEqualTo(reason);
        String admin = mvc.perform(get("/admin/sources").with(httpBasic("admin", "secret"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(admin).as("the reason in Chinese").contains(FailureInChinese.reason(reason));
    }

    @Test
    void theSchedulerPollsDueSourcesByItself() throws Exception {
        JsonNode due = createSource("{\"url\":\"" + SITE.url("/scheduled/feed.xml") + "\",\"type\":\"feed\"}");
        SITE.page("/scheduled/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
        await().atMost(Duration.ofSeconds(20)).until(() -> sources.findById(due.get("id").asLong()).orElseThrow().lastPollAt() != null);
        assertThat(sources.findById(due.get("id").asLong()).orElseThrow().lastSuccessAt()).isNotNull();
    }

    @Test
    void sourcesAreForAdminsAndBadSettingsAreRefusedClearly() throws Exception {
        mvc.perform(get("/api/v1/sources")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/sources").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://example.cn/feed\"}"))
                .andExpect(status().isUnauthorized());
        for (String bad : new String[] {"{\"url\":\"ftp://example.cn/feed\"}", "{\"url\":\"https://example.cn/x\",\"category\":\"nosuch\"}",
                "{\"url\":\"https://example.cn/y\",\"interval_minutes\":0}", "{\"url\":\"https://example.cn/z\",\"include_pattern\":\"(\"}",
                "{\"url\":\"https://example.cn/w\",\"type\":\"podcast\"}", "not json"}) {
            String body = mvc.perform(post("/api/v1/sources").with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON).content(bad))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(JSON.readTree(body).get("error").asString()).as(bad).isNotBlank();
        }
        JsonNode s = createSource("{\"url\":\"https://example.cn/news/\",\"type\":\"list\",\"enabled\":false}");
        long id = s.get("id").asLong();
        mvc.perform(patch("/api/v1/sources/" + id).with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"interval_minutes\":90,\"css_selector\":\"ul.list\"}")).andExpect(status().isOk());
        assertThat(sources.findById(id).orElseThrow().intervalMinutes()).isEqualTo(90);
        mvc.perform(delete("/api/v1/sources/" + id).with(httpBasic("admin", "secret"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/sources/" + id).with(httpBasic("admin", "secret"))).andExpect(status().isNotFound());
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rometools.rome.io.SyndFeedInput;
import io.huiwen.collect.FeedReader.Feed;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedReaderTest {

    private final FeedReader reader = new FeedReader();

    static Stream<Arguments> feeds() {
        return Stream.of(
                Arguments.of("rss2-relative-links-and-guids.xml", "https://news.qingshi.example.cn/rss.xml",
                        "青石日报 · 要闻", "https://news.qingshi.example.cn/", List.of(
                                "https://news.qingshi.example.cn/2024/05/12/bridge.html",
                                "https://news.qingshi.example.cn/2024/05/11/grain.html",
                                "https://news.qingshi.example.cn/2024/05/10/guid-only.html",
                                "https://news.qingshi.example.cn/2024/05/09/dc-date.html")),
                Arguments.of("rss1-rdf.xml", "https://tech.qingshi.example.cn/rss.rdf",
                        "青石科技", "https://tech.qingshi.example.cn/", List.of(
                                "https://tech.qingshi.example.cn/a/20240512001",
                                "https://tech.qingshi.example.cn/a/20240511007")),
                Arguments.of("atom-published-and-updated.xml", "https://www.harborlantern.example.com/atom.xml",
                        "Harbor Lantern Weekly", "https://www.harborlantern.example.com/", List.of(
                                "https://www.harborlantern.example.com/2024/05/ferry-returns",
                                "https://www.harborlantern.example.com/2024/05/library-hours")),
                Arguments.of("jsonfeed-1.1.json", "https://www.yunling-evening.example.cn/feed.json",
                        "云岭晚报", "https://www.yunling-evening.example.cn/", List.of(
                                "https://www.yunling-evening.example.cn/2024/05/12/tea.html",
                                "https://www.yunling-evening.example.cn/2024/05/11/market.html",
                                "https://www.yunling-evening.example.cn/partner/20240510.html")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void readsEachFormatKeepingOnlyItemsWithAWebLink(String fixture, String feedUrl, String title, String site,
                                                     List<String> urls) throws Exception {
        Feed feed = reader.read(Fixtures.bytes(fixture), URI.create(feedUrl), 100);
        assertThat(feed.title()).isEqualTo(title);
        assertThat(feed.siteUrl()).hasToString(site);
        assertThat(feed.items()).extracting(item -> item.url().toString()).containsExactlyElementsOf(urls);
    }

    @Test
    void rssItemCarriesTitleDateSummaryAsTextAndContentAsHtml() throws Exception {
        List<DiscoveredItem> items = read("rss2-relative-links-and-guids.xml", "https://news.qingshi.example.cn/rss.xml");
        DiscoveredItem bridge = items.get(0);
        assertThat(bridge.title()).isEqualTo("青石市新建跨江大桥今日通车");
        assertThat(bridge.published()).isEqualTo(Instant.parse("2024-05-12T00:30:00Z"));
        assertThat(bridge.summary()).isEqualTo("大桥全长 3.2 公里， 双向六车道。");
        assertThat(bridge.contentHtml()).isEqualTo("<p>大桥全长3.2公里，双向六车道，将两岸通行时间缩短至十分钟。</p>");
        assertThat(items.get(1).title()).isEqualTo("夏粮收购 工作全面启动");
        assertThat(items.get(1).contentHtml()).isNull();
        assertThat(items.get(3).published()).isEqualTo(Instant.parse("2024-05-08T23:15:00Z"));
    }

    @Test
    void rss1ItemTakesDublinCoreDateAndEncodedContent() throws Exception {
        DiscoveredItem first = read("rss1-rdf.xml", "https://tech.qingshi.example.cn/rss.rdf").get(0);
        assertThat(first.published()).isEqualTo(Instant.parse("2024-05-12T01:00:00Z"));
        assertThat(first.summary()).isEqualTo("模型可在普通电脑上运行。");
        assertThat(first.contentHtml()).isEqualTo("<p>模型可在普通电脑上运行，预报精度接近大型系统。</p>");
    }

    @Test
    void atomEntryIsDatedByPublishedNeverByUpdated() throws Exception {
        List<DiscoveredItem> items = read("atom-published-and-updated.xml", "https://www.harborlantern.example.com/atom.xml");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2024-05-12T06:00:00Z"));
        assertThat(items.get(0).contentHtml()).isEqualTo("<p>The new ferry runs <em>every hour</em>.</p>");
        assertThat(items.get(1).published()).as("<updated> is when the entry changed, issue 17").isNull();
        assertThat(items.get(1).summary()).isEqualTo("Open until midnight.");
    }

    @Test
    void jsonFeedItemIsDatedByDatePublishedNeverByDateModified() throws Exception {
        List<DiscoveredItem> items = read("jsonfeed-1.1.json", "https://www.yunling-evening.example.cn/feed.json");
        assertThat(items.get(0)).isEqualTo(new DiscoveredItem(
                URI.create("https://www.yunling-evening.example.cn/2024/05/12/tea.html"), "春茶采摘进入高峰期",
                Instant.parse("2024-05-11T22:30:00Z"), "茶农们清晨五点就上山了。", "<p>茶农们清晨五点就上山了。</p>"));
        assertThat(items.get(1).published()).as("date_modified is when the item changed, issue 17").isNull();
        assertThat(items.get(1).lastModified()).isEqualTo(Instant.parse("2024-05-11T12:00:00Z"));
    }

    @Test
    void itemsAreCappedAtMaxItems() throws Exception {
        Feed feed = reader.read(Fixtures.bytes("rss2-relative-links-and-guids.xml"), URI.create("https://news.qingshi.example.cn/rss.xml"), 2);
        assertThat(feed.items()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GBK", "GB2312", "GB18030"})
    void chineseLegacyEncodingDeclaredInTheXmlIsHonoured(String charset) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"" + charset + "\"?><rss version=\"2.0\"><channel><title>南湖商报</title>"
                + "<link>http://www.nanhu.example.cn/</link><description>本地新闻</description><item><title>湖区治理工程通过验收</title>"
                + "<link>http://www.nanhu.example.cn/2024/0512/88001.html</link><description>水质明显改善。</description>"
                + "</item></channel></rss>";
        Feed feed = reader.read(xml.getBytes(Charset.forName(charset)), URI.create("http://www.nanhu.example.cn/rss.xml"), 10);
        assertThat(feed.title()).isEqualTo("南湖商报");
        assertThat(feed.items().get(0).title()).isEqualTo("湖区治理工程通过验收");
        assertThat(feed.items().get(0).summary()).isEqualTo("水质明显改善。");
    }

    @Test
    void gbkFeedWithoutEncodingDeclarationIsStillReadAsChinese() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>南湖商报</title><link>http://www.nanhu.example.cn/</link>"
                + "<item><title>湖区治理工程通过验收</title><link>http://www.nanhu.example.cn/2024/0512/88001.html</link></item>"
                + "</channel></rss>";
        Feed feed = reader.read(xml.getBytes(Charset.forName("GBK")), URI.create("http://www.nanhu.example.cn/rss.xml"), 10);
        assertThat(feed.items().get(0).title()).isEqualTo("湖区治理工程通过验收");
    }

    static Stream<Arguments> notFeeds() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("whitespace", " \n\t ".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("html page", Fixtures.bytes("not-a-feed.html")),
                Arguments.of("plain text", "Service temporarily unavailable".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("truncated rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>半截".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("other xml", "<?xml version=\"1.0\"?><note><to>编辑部</to></note>".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("json, not a feed", "{\"error\": \"not found\",\n \"code\": 404}".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("broken json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("billion laughs", Fixtures.bytes("billion-laughs-feed.xml")),
                Arguments.of("xxe", Fixtures.bytes("xxe-feed.xml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFeeds")
    void inputThatIsNotAFeedIsBadFeedWithAOneLineMessage(String name, byte[] body) throws Throwable {
        FetchFailure failure = catchThrowableOfType(FetchFailure.class,
                () -> Fixtures.guarded(() -> reader.read(body, URI.create("https://news.qingshi.example.cn/feed"), 10)));
        assertThat(failure).as(name).isNotNull();
        assertThat(failure.reason()).isEqualTo(FetchFailureReason.BAD_FEED);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("root:");
    }

    @Test
    void romeRefusesDoctypesByDefaultAndWeKeepItSo() {
        assertThat(new SyndFeedInput().isAllowDoctypes()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"billion-laughs-feed.xml", "xxe-feed.xml"})
    void doctypeIsRefusedSoNoEntityIsExpandedOrRead(String fixture) {
        assertThatThrownBy(() -> reader.read(Fixtures.bytes(fixture), URI.create("https://evil.example.com/feed"), 10))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("root:x:0:0"));
    }

    private List<DiscoveredItem> read(String fixture, String feedUrl) throws FetchFailure {
        return reader.read(Fixtures.bytes(fixture), URI.create(feedUrl), 100).items();
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.huiwen.collect.ListPageReader.ListPageRules;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ListPageReaderTest {

    private static final URI FINANCE = URI.create("https://finance.dongling.example.cn/finance/");
    private static final URI BUSINESS = URI.create("https://www.harborlantern.example.com/business/");
    private static final String GBK_PAGE = new String(Fixtures.bytes("gbk-finance-list.html"), Charset.forName("GB18030"));
    private static final String ENGLISH_PAGE = new String(Fixtures.bytes("english-business-list.html"), StandardCharsets.UTF_8);

    private final ListPageReader reader = new ListPageReader();

    static Stream<Arguments> pagesByShape() {
        return Stream.of(
                Arguments.of("gbk-finance-list.html", GBK_PAGE, FINANCE, List.of(
                        tuple("https://finance.dongling.example.cn/finance/202405/t20240512_5512345.shtml", "一季度全市规模以上工业增加值同比增长百分之六"),
                        tuple("https://finance.dongling.example.cn/finance/20240512/t20240512_5512346.shtml", "东岭港集装箱吞吐量创同期新高"),
                        tuple("http://finance.dongling.example.cn/finance/2024/05/12/bank.html", "本地城商行下调两年期存款利率"),
                        tuple("http://stock.dongling.example.cn/a/58213", "新能源板块午后集体走强"),
                        tuple("https://finance.dongling.example.cn/finance/20240511/t20240511_5511200.shtml", "夏季用电高峰前电网完成检修"),
                        tuple("https://finance.dongling.example.cn/finance/20240510/t20240510_5510888.shtml", "农产品批发市场价格保持平稳"))),
                Arguments.of("english-business-list.html", ENGLISH_PAGE, BUSINESS, List.of(
                        tuple("https://www.harborlantern.example.com/business/2024/05/12/ferry-company-posts-record-profits", "Ferry company posts record profits after busy spring"),
                        tuple("https://www.harborlantern.example.com/business/port-expansion-wins-final-approval-from-council", "Port expansion wins final approval from council"),
                        tuple("https://www.harborlantern.example.com/business/story/48213", "Fishing co-op opens new market hall downtown"),
                        tuple("https://www.harborlantern.example.com/business/local-bakery-chain-expands", "Local bakery chain expands to three more towns"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesByShape")
    void withoutSelectorKeepsArticleLinksInPageOrder(String name, String html, URI pageUrl, List<org.assertj.core.groups.Tuple> expected) {
        List<DiscoveredItem> items = reader.read(html, pageUrl, ListPageRules.byShape(50));
        assertThat(items).extracting(i -> i.url().toString(), DiscoveredItem::title).containsExactlyElementsOf(expected);
    }

    @Test
    void selectorTakesEveryOnSiteLinkInsideTheSelectedElements() {
        List<DiscoveredItem> items = reader.read(GBK_PAGE, FINANCE, new ListPageRules("ul.list_news", null, null, 50));
        assertThat(items).extracting(i -> i.url().getRawPath()).containsExactly(
                "/finance/20240512/t20240512_5512346.shtml", "/finance/2024/05/12/bank.html", "/a/58213",
                "/finance/20240511/t20240511_5511200.shtml",
                "/tag/%E5%A4%AE%E8%A1%8C.shtml", "/tag/%E5%88%A9%E7%8E%87.shtml",
                "/finance/20240510/t20240510_5510888.shtml");
    }

    @Test
    void selectorWithExcludeDropsMatchingUrls() {
        List<DiscoveredItem> items = reader.read(GBK_PAGE, FINANCE, new ListPageRules("ul.list_news li", null, Pattern.compile("/tag/|/a/\\d+"), 50));
        assertThat(items).extracting(i -> i.url().getRawPath()).containsExactly(
                "/finance/20240512/t20240512_5512346.shtml", "/finance/2024/05/12/bank.html",
                "/finance/20240511/t20240511_5511200.shtml", "/finance/20240510/t20240510_5510888.shtml");
    }

    @Test
    void includeKeepsOnlyMatchingUrlsButStillSkipsPageChrome() {
        List<DiscoveredItem> items = reader.read(GBK_PAGE, FINANCE,
                new ListPageRules(null, Pattern.compile("/t2024\\d{4}_\\d+\\.shtml$"), null, 50));
        assertThat(items).extracting(i -> i.url().getRawPath()).containsExactly(
                "/finance/202405/t20240512_5512345.shtml", "/finance/20240512/t20240512_5512346.shtml",
                "/finance/20240511/t20240511_5511200.shtml", "/finance/20240510/t20240510_5510888.shtml");
    }

    @Test
    void resultIsCappedAtMaxItems() {
        assertThat(reader.read(GBK_PAGE, FINANCE, ListPageRules.byShape(2))).hasSize(2);
        assertThat(reader.read(GBK_PAGE, FINANCE, ListPageRules.byShape(0))).isEmpty();
    }

    @Test
    void linkRepeatedWithAFragmentOrAsReadMoreIsListedOnceWithItsHeadline() {
        String html = "<ul><li><a href='/2024/05/12/x.html'><img src='t.png' alt=''></a></li>"
                + "<li><a href='/2024/05/12/x.html#top'>阅读全文</a></li>"
                + "<li><a href='/2024/05/12/x.html'>一则足够长的中文新闻标题在这里</a></li></ul>";
        assertThat(reader.read(html, URI.create("https://news.example.cn/"), ListPageRules.byShape(10)))
                .containsExactly(new DiscoveredItem(URI.create("https://news.example.cn/2024/05/12/x.html"),
                        "一则足够长的中文新闻标题在这里", null, null, null));
    }

    @Test
    void titleAttributeStandsInForATruncatedLinkText() {
        String html = "<ul><li><a href='/20240512/88888.html' title='市政府发布夏季防汛工作部署方案'>市政府发布…</a></li></ul>";
        assertThat(reader.read(html, URI.create("https://news.example.cn/"), ListPageRules.byShape(10)))
                .extracting(DiscoveredItem::title).containsExactly("市政府发布夏季防汛工作部署方案");
    }

    @Test
    void emptyOrLinklessPageGivesNothing() {
        assertThat(reader.read("", FINANCE, ListPageRules.byShape(10))).isEmpty();
        assertThat(reader.read("<p>暂无内容</p>", FINANCE, ListPageRules.byShape(10))).isEmpty();
    }

    @Test
    void brokenSelectorIsRefusedWhenRulesAreMade() {
        assertThatThrownBy(() -> new ListPageRules("ul[", null, null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListPageRules(null, null, null, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSiteMeansOneRegistrableDomain() {
        assertThat(ListPageReader.sameSite(URI.create("http://stock.dongling.example.cn/a/1"), FINANCE)).isTrue();
        assertThat(ListPageReader.sameSite(URI.create("https://www.sina-like.example.com.cn/"), FINANCE)).isFalse();
        assertThat(ListPageReader.sameSite(URI.create("http://127.0.0.1:8080/a"), URI.create("http://127.0.0.1:8080/"))).isTrue();
        assertThat(ListPageReader.sameSite(URI.create("http://127.0.0.2/a"), URI.create("http://127.0.0.1/"))).isFalse();
    }
}

package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.collect.ArticleLinkShape.UrlEvidence;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleLinkShapeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://n.example.cn/2024/05/12/bridge.html, STRONG",
            "https://n.example.cn/finance/20240512/x.html, STRONG",
            "https://n.example.cn/finance/202405/t20240512_5512345.shtml, STRONG",
            "https://n.example.cn/n1/2024/0512/c1004-40000000.html, STRONG",
            "https://n.example.cn/2024-05/12/c_1130000000.htm, STRONG",
            "https://n.example.cn/a/58213, STRONG",
            "https://n.example.cn/a/123, STRONG",
            "https://n.example.cn/view.php?id=88231, STRONG",
            "https://n.example.cn/finance/bank.shtml, WEAK",
            "https://n.example.cn/article/bank-rates, WEAK",
            "https://n.example.cn/news/finance/bank, WEAK",
            "https://n.example.com/business/local-bakery-chain-expands, WEAK",
            "https://n.example.com/?p=1234, NONE",
            "https://n.example.cn/finance/, NONE",
            "https://n.example.cn/news/, NONE",
            "https://n.example.cn/finance/index.shtml, HUB",
            "https://n.example.cn/finance/index_2.shtml, HUB",
            "https://n.example.cn/finance/list_3.html, HUB",
            "https://n.example.cn/tag/bank.html, HUB",
            "https://n.example.com/category/business/, HUB",
            "https://n.example.com/business/page/2/, HUB",
            "https://n.example.com/business/?page=3, HUB",
            "https://n.example.com/author/jane-doe, HUB",
    })
    void urlEvidence(String url, UrlEvidence expected) {
        assertThat(ArticleLinkShape.of(URI.create(url))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "东岭港集装箱吞吐量创同期新高 | true",
            "一季度GDP同比增长5.3% | true",
            "新能源板块午后集体走强 | true",
            "财经 | false",
            "东岭财经网首页 | false",
            "Ferry company posts record profits | true",
            "Markets | false",
            "Read more | false",
            "这是一个超过六十个汉字的标题这是一个超过六十个汉字的标题这是一个超过六十个汉字的标题这是一个超过六十个汉字的标题这是一个超过六十个汉字的标题 | false",
    })
    void headline(String text, boolean expected) {
        assertThat(ArticleLinkShape.isHeadline(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2 | true", "[3] | true", "下一页 | true", "下页>> | true", "尾页 | true", "更多>> | true", "Next page | true",
            "« Older posts | true", "东岭港集装箱吞吐量创同期新高 | false", "2024年一季度报告 | false"})
    void pager(String text, boolean expected) {
        assertThat(ArticleLinkShape.isPager(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"https://n.example.cn/upload/a.JPG, true", "https://n.example.cn/files/report.pdf, true",
            "https://n.example.cn/x.zip?v=1, true", "https://n.example.cn/2024/05/12/a.html, false",
            "https://n.example.cn/v1.2/a, false"})
    void file(String url, boolean expected) {
        assertThat(ArticleLinkShape.isFile(URI.create(url))).isEqualTo(expected);
    }
}

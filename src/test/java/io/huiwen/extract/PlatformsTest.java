package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PlatformsTest {

    private static String platformOf(String body) {
        return Platforms.of("https://news.example.cn/a/1.html", Jsoup.parse("<html><body>" + body + "</body></html>"));
    }

    @Test
    void disclaimerNamesThePlatform() {
        assertThat(platformOf("<p>正文</p><p>特别声明：以上内容为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p>"))
                .isEqualTo("网易号");
    }

    @Test
    void disclaimerSplitOverInlineElementsIsStillRead() {
        assertThat(platformOf("<p>以上内容为“百家号”<b>用户</b><span>上</span>传并发布</p>")).isEqualTo("百家号");
    }

    @Test
    void disclaimerWithInvisibleCharactersIsStillRead() {
        assertThat(platformOf("<p>以上内容为“头条号”作者\u200b发布</p>")).isEqualTo("头条号");
    }

    @Test
    void disclaimerBrokenByABlockIsNotADisclaimer() {
        assertThat(platformOf("<div>以上内容为“网易号”用户</div><div>上传并发布</div>")).isNull();
    }

    @Test
    void pageWithoutDisclaimerHasNoPlatform() {
        assertThat(platformOf("<p>记者从发布会获悉，用户数量持续增长，作者上周传来消息。</p>")).isNull();
    }

    @Test
    void addressNamesThePlatformFirst() {
        assertThat(Platforms.of("https://baijiahao.baidu.com/s?id=1", Jsoup.parse("<p>正文</p>"))).isEqualTo("百家号");
    }
}

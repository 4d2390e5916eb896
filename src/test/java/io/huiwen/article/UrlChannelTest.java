package io.huiwen.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel an article's address names, by subdomain or path, in English or pinyin. */
class UrlChannelTest {

    static final List<String> SIX = List.of("caijing", "keji", "shehui", "guoji", "tiyu", "wenhua");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "none", value = {
            "https://tech.example.com.cn/a/2026/1120/123.html, keji",
            "https://finance.example.cn/roll/2026-11-20/doc-1.shtml, caijing",
            "https://sports.example.com/nba/2026/game.html, tiyu",
            "https://www.example.com/world/2026/11/20/summit.html, guoji",
            "https://news.example.cn/tiyu/20261120/1.html, tiyu",
            "https://ent.example.com/a/20261120/1.shtml, wenhua",
            "https://www.example.cn/a/world.html, none",
            "https://news.example.cn/c/2026-11-20/doc-1.shtml, none",
            "https://nb.example.com/a/20261120/1_0.shtml, none",
            "not a web address, none",
    })
    void channelOfAnAddress(String url, String slug) {
        assertThat(UrlChannel.shipped().channel(url, SIX).orElse(null)).isEqualTo(slug);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"https://yule.example.com/star/1.html", "https://www.example.com/yule/2026/1.html"})
    void aCategoryAnAdminAddedIsFoundUnderItsSlug(String url) {
        assertThat(UrlChannel.shipped().channel(url, List.of("keji", "yule"))).contains("yule");
        assertThat(UrlChannel.shipped().channel("https://sports.example.com/1.html", List.of("keji", "yule")))
                .as("no channel for a category the portal does not have").isEmpty();
    }
}

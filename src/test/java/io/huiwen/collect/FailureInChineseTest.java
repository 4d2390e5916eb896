package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stored failure reasons and their English messages, as editors read them on the admin pages. */
class FailureInChineseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dns_failed        | cannot resolve example.cn                                  | 无法解析域名 example.cn
            timeout           | no response in time: https://example.cn/rss.xml            | 请求超时
            connect_failed    | connect timed out: https://example.cn/rss.xml              | 无法连接服务器
            http_5xx          | HTTP 503 from https://example.cn/rss.xml                   | 服务器出错（HTTP 503）
            http_4xx          | HTTP 403 from https://example.cn/rss.xml                   | 服务器拒绝请求（HTTP 403）
            http_404          | HTTP 404 from https://example.cn/gone.xml                  | 页面不存在（HTTP 404）
            http_429          | HTTP 429 from https://example.cn/rss.xml                   | 请求太频繁，被服务器限流（HTTP 429）
            robots_disallowed | robots.txt disallows https://example.cn/news/              | robots.txt 不允许抓取
            io_error          | cannot fetch https://example.cn/: PKIX path building failed | TLS 加密连接失败（证书无效或握手出错）
            io_error          | cannot fetch https://example.cn/: Connection reset          | 网络读写出错
            too_large         | Content-Length 99999999 above 10485760: https://example.cn/ | 内容太大，超过上限
            bad_feed          | Content is not allowed in prolog.                          | 不是有效的 RSS/Atom 订阅源
            not_an_article    | https://example.cn/a.html: no main content                 | 页面里找不到文章正文
            blocked_address   | internal host name refused: localhost                      | 地址指向内部网络，已拒绝
            """)
    void aReasonAndItsMessageReadInChinese(String code, String message, String expected) {
        assertThat(FailureInChinese.describe(code, message)).isEqualTo(expected);
    }

    @Test
    void everyReasonHasChineseWordsAndNoEnglishSentence() {
        Arrays.stream(FetchFailureReason.values()).forEach(r -> assertThat(FailureInChinese.reason(r.code()))
                .as(r.code()).isNotBlank().containsPattern("\\p{IsHan}").doesNotContain("_"));
    }

    @Test
    void anUnknownOrMissingReasonIsShownAsStoredWithoutFailing() {
        assertThat(FailureInChinese.describe("gremlins", "who knows")).isEqualTo("抓取失败（gremlins）");
        assertThat(FailureInChinese.describe(null, null)).isEmpty();
        assertThat(FailureInChinese.describe("dns_failed", null)).isEqualTo("无法解析域名");
    }
}

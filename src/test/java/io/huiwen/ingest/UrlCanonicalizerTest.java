package io.huiwen.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP://News.Example.COM/a                                  | http://news.example.com/a
            http://example.com                                         | http://example.com/
            http://example.com:80/a                                    | http://example.com/a
            https://example.com:443/a                                  | https://example.com/a
            https://example.com:8443/a                                 | https://example.com:8443/a
            http://example.com:443/a                                   | http://example.com:443/a
            http://example.com/a#comments                              | http://example.com/a
            http://example.com/a?utm_source=wx&id=7&utm_medium=share   | http://example.com/a?id=7
            http://example.com/a?UTM_Campaign=x                        | http://example.com/a
            http://example.com/a?spm=a2c4g.11186623&b=2&a=1            | http://example.com/a?b=2&a=1
            http://example.com/a?fbclid=1&gclid=2&yclid=3&p=4          | http://example.com/a?p=4
            http://example.com/a?mc_cid=1&mc_eid=2&_ga=3&WT.mc_id=4    | http://example.com/a
            http://example.com/a?share_source=weibo&page=2             | http://example.com/a?page=2
            http://mp.example.com/s?id=9&from=timeline                 | http://mp.example.com/s?id=9
            http://mp.example.com/s?from=singlemessage&id=9            | http://mp.example.com/s?id=9
            http://mp.example.com/s?from=groupmessage                  | http://mp.example.com/s
            http://example.com/list?from=2024-01-01                    | http://example.com/list?from=2024-01-01
            http://example.com/a?q=%E6%96%B0%E9%97%BB&&x=1             | http://example.com/a?q=%E6%96%B0%E9%97%BB&x=1
            http://example.com/a/./b/../c                              | http://example.com/a/c
            http://example.com/?                                       | http://example.com/
            http://example.com/a?ref=nav                               | http://example.com/a?ref=nav
            http://[::1]:8080/a#x                                      | http://[::1]:8080/a
            mailto:editor@example.com                                  | mailto:editor@example.com
            """)
    void canonicalFormOf(String input, String expected) {
        assertThat(UrlCanonicalizer.canonical(input)).isEqualTo(expected);
    }

    @Test
    void uriAndStringFormsAgree() {
        URI url = URI.create("HTTPS://Example.com:443/新闻?utm_source=x&id=1#top");
        assertThat(UrlCanonicalizer.canonical(url)).isEqualTo(URI.create("https://example.com/新闻?id=1"));
    }

    @Test
    void canonicalFormIsStable() {
        String once = UrlCanonicalizer.canonical("HTTP://Example.com:80?utm_source=a&b=1#f");
        assertThat(UrlCanonicalizer.canonical(once)).isEqualTo(once).isEqualTo("http://example.com/?b=1");
    }

    @Test
    void rejectsTextThatIsNoUrl() {
        assertThatThrownBy(() -> UrlCanonicalizer.canonical("http://exa mple.com/"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

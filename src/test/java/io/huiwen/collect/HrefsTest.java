package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HrefsTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(nullValues = "NULL", value = {
            "https://n.example.cn/finance/, a.html, https://n.example.cn/finance/a.html",
            "https://n.example.cn/finance/, ./202405/t1.shtml, https://n.example.cn/finance/202405/t1.shtml",
            "https://n.example.cn/finance/, ../b.html, https://n.example.cn/b.html",
            "https://n.example.cn/finance/, ../../../b.html, https://n.example.cn/b.html",
            "https://n.example.cn, a.html, https://n.example.cn/a.html",
            "https://n.example.cn/finance/list.html?x=1, ?page=2, https://n.example.cn/finance/list.html?page=2",
            "https://n.example.cn/finance/, //m.example.cn/a, https://m.example.cn/a",
            "https://n.example.cn/, /tag/央行 一.html, https://n.example.cn/tag/%E5%A4%AE%E8%A1%8C%20%E4%B8%80.html",
            "https://n.example.cn/, /a?q=50%, https://n.example.cn/a?q=50%25",
            "https://n.example.cn/, HTTP://N.Example.cn, http://n.example.cn/",
            "https://n.example.cn/, javascript:void(0), NULL",
            "https://n.example.cn/, mailto:tips@example.cn, NULL",
            "https://n.example.cn/, ftp://n.example.cn/a, NULL",
            "https://n.example.cn/, '  ', NULL",
            "https://n.example.cn/, http://, NULL",
            "https://n.example.cn/a/, https://n.example.cn/x/../b.html#c, https://n.example.cn/b.html#c",
    })
    void resolvesToAbsoluteWebPage(String base, String href, String expected) {
        URI resolved = Hrefs.resolve(URI.create(base), href);
        assertThat(resolved == null ? null : resolved.toString()).isEqualTo(expected);
    }
}

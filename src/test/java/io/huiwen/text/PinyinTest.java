package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

    @Test
    void categorySlugsArePinyinAsInterfacesSay() {
        assertThat(Pinyin.slug("财经")).isEqualTo("caijing");
        assertThat(Pinyin.slug("科技")).isEqualTo("keji");
        assertThat(Pinyin.slug("社会")).isEqualTo("shehui");
        assertThat(Pinyin.slug("国际")).isEqualTo("guoji");
        assertThat(Pinyin.slug("体育")).isEqualTo("tiyu");
        assertThat(Pinyin.slug("文化")).isEqualTo("wenhua");
    }

    @Test
    void mixedNamesKeepLatinAndDigitsAndDropPunctuation() {
        assertThat(Pinyin.slug("AI 前沿")).isEqualTo("ai-qianyan");
        assertThat(Pinyin.slug("5G·生活")).isEqualTo("5g-shenghuo");
        assertThat(Pinyin.slug("！！")).isEqualTo("c");
    }
}

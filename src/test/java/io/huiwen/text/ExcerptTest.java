package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void startsWithTheFirstParagraphAndEndsAtASentenceEnd() {
        String body = "东江市今年新建口袋公园十二处，市民出门五分钟就能走进绿地。公园里增设了健身步道和儿童游乐区。\n\n"
                + "据介绍，明年还将新建二十处口袋公园，并对老旧公园进行适老化改造，让更多居民受益。";
        String excerpt = Excerpt.of(body, 60);
        assertThat(excerpt).startsWith("东江市今年新建口袋公园十二处").endsWith("。").hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void skipsALeadingSubheading() {
        assertThat(Excerpt.of("产业升级提速\n\n全市规上工业增加值同比增长百分之六。")).isEqualTo("全市规上工业增加值同比增长百分之六。");
    }

    @Test
    void joinsChineseParagraphsWithoutSpacesAndLatinWithSpaces() {
        assertThat(Excerpt.of("第一段。\n\n《江上灯火》第二段。")).isEqualTo("第一段。《江上灯火》第二段。");
        assertThat(Excerpt.of("First paragraph.\n\nSecond one.")).isEqualTo("First paragraph. Second one.");
    }

    @Test
    void emptyBodyGivesEmptyExcerpt() {
        assertThat(Excerpt.of("  ")).isEmpty();
        assertThat(Excerpt.of(null)).isEmpty();
    }
}

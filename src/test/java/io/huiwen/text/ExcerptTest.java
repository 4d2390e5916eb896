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

    @Test
    void aSubheadingBetweenParagraphsIsNotGluedIntoTheExcerpt() {
        String body = "午饭时分，湖滨街道的邻里餐厅坐满了老人，八十岁以上的老人每餐还能再减两元。\n\n"
                + "小餐桌上的大民生\n\n"
                + "今年七十六岁的钱大爷每天都来，他说饭菜软和，还能和老伙计们聊上几句。";
        String excerpt = Excerpt.of(body, 200);
        assertThat(excerpt).doesNotContain("小餐桌上的大民生")
                .isEqualTo("午饭时分，湖滨街道的邻里餐厅坐满了老人，八十岁以上的老人每餐还能再减两元。今年七十六岁的钱大爷每天都来，他说饭菜软和，还能和老伙计们聊上几句。");
    }

    @Test
    void aBodyOfOnlyShortLinesKeepsThemApart() {
        assertThat(Excerpt.of("春节档片单\n\n七部新片定档")).isEqualTo("春节档片单 七部新片定档");
    }
}

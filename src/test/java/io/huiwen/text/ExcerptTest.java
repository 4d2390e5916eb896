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

    @Test
    void theOriginalHeadlineGluedToTheFirstSentenceIsLeftOut() {
        String body = "（原标题：东江港口吞吐量再创新高 外贸航线增至八十条）东江港前十个月集装箱吞吐量同比增长百分之九。\n\n港口新开三条航线。";
        assertThat(Excerpt.of(body)).startsWith("东江港前十个月集装箱吞吐量").doesNotContain("原标题");
    }

    @Test
    void anOriginalHeadlineParagraphIsLeftOut() {
        String body = "原标题：最强“东江芯”本月商用 星河科技抢跑芯片大战\n\n用户对性能的追求，让芯片领域迎来了巅峰对决。";
        assertThat(Excerpt.of(body)).isEqualTo("用户对性能的追求，让芯片领域迎来了巅峰对决。");
    }

    @Test
    void whereYouAreLinesAndEditorsPrefacesAreNoOpening() {
        String body = "您所在的位置：首页 > 快讯 > 社会\n\n【编前语】城市的温度，藏在一碗热饭里。本报今起推出系列报道。\n\n"
                + "午饭时分，湖滨街道的邻里餐厅坐满了老人。";
        assertThat(Excerpt.of(body)).isEqualTo("午饭时分，湖滨街道的邻里餐厅坐满了老人。");
        assertThat(Excerpt.of("首页 › 科技 › 正文\n\n分拣中心日处理包裹突破百万件。")).isEqualTo("分拣中心日处理包裹突破百万件。");
    }

    @Test
    void creditLinesAreNoExcerptWhereverTheyStand() {
        String body = "责编：王晓\n\n李明/摄\n\n东江市新建口袋公园十二处。\n\n（责任编辑：张华）\n\n市民出门五分钟就能走进绿地。";
        assertThat(Excerpt.of(body)).isEqualTo("东江市新建口袋公园十二处。市民出门五分钟就能走进绿地。");
    }

    @Test
    void anOpeningThatStartsMidSentenceBeginsAtTheNextSentence() {
        String body = "，并对老旧公园进行适老化改造。东江市今年新建口袋公园十二处。";
        assertThat(Excerpt.of(body)).isEqualTo("东江市今年新建口袋公园十二处。");
    }

    @Test
    void aSentenceThatMerelyMentionsAPositionOrAnEditorIsKept() {
        String body = "编辑部今年收到读者来信三千封，位置最偏远的来自海岛。";
        assertThat(Excerpt.of(body)).isEqualTo(body);
    }
}

package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private static final String PORT = "东江港前十个月集装箱吞吐量达到一千二百万标箱，同比增长百分之九。港口新开通三条外贸航线，集装箱航线总数达到八十条。"
            + "港口负责人说，外贸航线的增加带动了集装箱业务增长。东江港还在建设自动化码头。";

    @Test
    void nounsThatRecurAndTitleWordsBecomeTags() {
        List<String> tags = Keywords.of("东江港集装箱吞吐量创新高", PORT, 8);
        assertThat(tags).contains("集装箱", "东江港").hasSizeBetween(3, 8);
        assertThat(tags).noneMatch(t -> t.length() < 2);
    }

    @Test
    void everydayWordsSinkBelowTheWordsOfTheStory() {
        String body = "发展数字经济，余姚推动模具产业发展。余姚模具城聚集了上千家模具企业，模具出口持续发展。"
                + "当地提出，要以服务促发展，推动模具产业高质量发展，让模具走向世界市场。余姚模具企业表示，服务和市场是发展的关键。";
        // 发展 occurs seven times, 余姚 three: still 余姚 is the better tag
        List<String> tags = Keywords.of("余姚模具产业加快发展", body, 3);
        assertThat(tags).startsWith("模具").contains("余姚").doesNotContain("发展", "服务", "市场");
    }

    @Test
    void traditionalTextGivesSimplifiedTags() {
        List<String> tags = Keywords.of("機器人走進工廠車間", "機器人在工廠裡搬運零件。這家工廠的機器人每天工作二十小時，機器人還能檢測零件品質。", 8);
        assertThat(tags).contains("机器人", "零件").doesNotContain("機器人");
    }

    @Test
    void aPlaceNamedWithAndWithoutItsSuffixIsOneTag() {
        String body = "慈溪市家电产业集群规模持续扩大。慈溪家电企业加快出海，慈溪已成为小家电生产基地。慈溪家电出口增长两成。";
        List<String> tags = Keywords.of("慈溪家电企业加快出海", body, 8);
        assertThat(tags).contains("慈溪").doesNotContain("慈溪市");
    }

    @Test
    void recognisedNamesMustPassTheirCheck() {
        // 智造 is read as a person's name by HanLP's recogniser; it is neither a surname-led
        // name nor in any dictionary, so it never becomes a tag however often it occurs.
        String body = "智造小镇吸引了一批企业。智造人才在这里集聚，智造项目陆续落地。启航智能公司在小镇设立研发中心，"
                + "启航智能公司负责人说，小镇的配套让企业安心。两大园区经营企业超过百家。";
        List<String> tags = Keywords.of("小镇引来研发中心", body, 8);
        assertThat(tags).doesNotContain("智造", "两大", "经营企业").contains("启航智能公司");
    }

    @Test
    void aShortTextStillGetsAFewTags() {
        List<String> tags = Keywords.of("图书馆延长开放时间", "市图书馆周末开放到晚上十点，方便读者借阅图书和报刊。", 8);
        assertThat(tags).hasSizeGreaterThanOrEqualTo(Keywords.MIN_TAGS).contains("图书馆");
    }

    @Test
    void latinAcronymsAreTagsInCapitals() {
        List<String> tags = Keywords.of("AI助手进课堂", "多所学校引入ai助手，ai助手帮助老师批改作业。学生说ai助手很有用。", 8);
        assertThat(tags).contains("AI");
    }

    @Test
    void anEnglishArticleGetsItsNamesAndSubjectsNotItsFunctionWords() {
        String body = "The city of Riverton opened its new tram line on Monday. The tram runs from the harbour to the airport, "
                + "and Riverton Transit says the tram will carry twenty thousand riders a day. The mayor, Ana Lindqvist, rode the "
                + "first tram with students. Riverton Transit plans a second tram line to the university by 2028. "
                + "Critics say the tram cost more than planned, but riders praised the quiet cars.";
        List<String> tags = Keywords.of("Riverton opens its first tram line", body, 8);
        assertThat(tags).contains("tram", "Riverton", "Transit")
                .doesNotContain("the", "The", "and", "says", "first", "Monday", "TRAM", "Tram");
    }

    @Test
    void acronymsKeepTheirCapitalsInEnglishText() {
        String body = "The UN agency said the EV market grew again. Buyers of an EV in Europe pay less tax, the UN report says, "
                + "and EV sales rose in every month of the year.";
        assertThat(Keywords.of("EV sales keep rising", body, 8)).contains("EV", "UN");
    }

    @Test
    void emptyTextHasNoTags() {
        assertThat(Keywords.of("", "", 8)).isEmpty();
        assertThat(Keywords.of(null, null, 8)).isEmpty();
    }

    @Test
    void tagsAreTheSameEveryTime() {
        assertThat(Keywords.of("东江港集装箱吞吐量创新高", PORT, 8)).isEqualTo(Keywords.of("东江港集装箱吞吐量创新高", PORT, 8));
    }

    @Test
    void theOrganisationPassIsSparedOnlyWhereNoNameCouldRecur() {
        String twice = "宁波模具研究院发布报告。宁波模具研究院表示，今年订单增长。";
        assertThat(Keywords.mayNameAnOrganisationTwice(twice)).isTrue();
        // 大学 and 学院 overlap in 大学院: each ending is looked for at every place
        assertThat(Keywords.mayNameAnOrganisationTwice("东海大学院长说，东海大学院系调整")).isTrue();
        String once = "一家公司在园区开工，另一家医院扩建。当地公司订单增长。";
        assertThat(Keywords.mayNameAnOrganisationTwice(once)).isFalse();
        assertThat(Keywords.organisations(once)).isEmpty();
        assertThat(Keywords.mayNameAnOrganisationTwice(PORT)).isFalse();
    }
}

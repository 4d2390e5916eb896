package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the shipped section words say of a text, and the matching rules they are read by. */
class CategoryLexiconTest {

    final CategoryLexicon shipped = CategoryLexicon.shipped();

    @Test
    void aReportFullOfOneDesksWordsIsSure() {
        CategoryLexicon.Reading r = shipped.read("男子深夜砸车窗盗窃 警方两天破案",
                "警方通报，犯罪嫌疑人趁深夜砸破车窗盗窃财物，派出所民警调取监控后锁定嫌疑人，已将其刑事拘留。");
        assertThat(r.category()).isEqualTo("shehui");
        assertThat(r.strength()).isEqualTo(CategoryLexicon.Strength.SURE);
    }

    @Test
    void aFewWordsAreALeaningAndNoneAreNothing() {
        CategoryLexicon.Reading lean = shipped.read("一家老店的新生意", "老板说，今年的订单和销量都比去年多，商家打算涨价。");
        assertThat(lean.category()).isEqualTo("caijing");
        assertThat(lean.strength()).isEqualTo(CategoryLexicon.Strength.LEAN);
        CategoryLexicon.Reading none = shipped.read("饺子怎么包才不破", "和面时水要分三次加入，醒二十分钟。");
        assertThat(none.category()).isNull();
        assertThat(none.strength()).isEqualTo(CategoryLexicon.Strength.NONE);
    }

    @Test
    void wordsOfTwoCharactersCountOnlyWhole() {
        CategoryLexicon lexicon = new CategoryLexicon(Map.of("caijing", Set.of("基金", "股市", "gdp"), "shehui", Set.of("慈善基金会")));
        assertThat(lexicon.scores("", "慈善基金会向灾区捐款").get("caijing")[0]).as("基金 inside 基金会").isZero();
        assertThat(lexicon.scores("", "慈善基金会向灾区捐款").get("shehui")[0]).isEqualTo(1);
        assertThat(lexicon.scores("", "这只基金上涨").get("caijing")[0]).isEqualTo(1);
        assertThat(lexicon.scores("", "GDP增长，但GDPR是另一回事").get("caijing")[0]).as("Latin words between non-letters").isEqualTo(1);
    }

    @Test
    void titleWordsWeighMoreAndOneRepeatedWordCannotDecideAlone() {
        CategoryLexicon lexicon = new CategoryLexicon(Map.of("tiyu", Set.of("比赛"), "keji", Set.of("芯片")));
        assertThat(lexicon.scores("芯片", "").get("keji")[0]).isEqualTo(CategoryLexicon.TITLE_WEIGHT);
        assertThat(lexicon.scores("", "比赛 比赛 比赛 比赛 比赛 比赛").get("tiyu")[0]).isEqualTo(CategoryLexicon.MAX_REPEATS);
    }

    @Test
    void theShippedListsAreFolded() {
        assertThat(CategoryLexicon.parse("# comment 不算\n銀行  股市\nGDP x\n")).containsExactly("银行", "股市", "gdp");
    }
}

package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WholeWordsTest {

    @Test
    void aNameTheTextAlwaysWritesWithTheSameNeighbourIsAPieceOfALongerName() {
        String text = "参议员梅嫩德斯提出议案。梅嫩德斯表示，议案将在下周表决。记者联系梅嫩德斯办公室未获回应。";
        assertThat(WholeWords.pieceOfLongerWord("德斯", text)).isTrue();
    }

    @Test
    void aWordWithVariedNeighboursIsWhole() {
        String text = "东江港吞吐量创新高。今年东江港新开三条航线，往来东江港的货轮增加。";
        assertThat(WholeWords.pieceOfLongerWord("东江港", text)).isFalse();
    }

    @Test
    void aWordOfGeneralChineseStaysWholeBesideTheSameNeighbour() {
        // 劳动法 always follows 中国 here, yet 中国|劳动法 is two words
        String text = "报道称工厂违反中国劳动法。公司回应，工厂并未违反中国劳动法，加班时长符合中国劳动法规定。";
        assertThat(WholeWords.pieceOfLongerWord("劳动法", text)).isFalse();
    }

    @Test
    void aPieceOfAPublicationsNameInTitleMarksIsNoWord() {
        String text = "据《东江生活周刊》报道，新书市开张。《东江生活周刊》记者在现场看到，读者排起长队。";
        assertThat(WholeWords.pieceOfLongerWord("周刊", text)).isTrue();
    }

    @Test
    void aQuotedHeadlineIsMadeOfWholeWords() {
        String text = "英国媒体刊发题为《东江港口黄金周游客热情不减再创新高》的报道，黄金周期间游客增多。";
        assertThat(WholeWords.pieceOfLongerWord("黄金周", text)).isFalse();
    }

    @Test
    void aRecognisedNameWithAParticleGluedOnIsNoWord() {
        String text = "活动将长春的美食带到全国。";
        assertThat(WholeWords.pieceOfLongerWord("将长春", text)).isTrue();
    }

    @Test
    void aPlaceWrittenWithItsSuffixIsStillAWholeWord() {
        String text = "禹州市教育局通报了调查结果。禹州市官方人士表示，调查仍在进行。";
        assertThat(WholeWords.pieceOfLongerWord("禹州", text)).isFalse();
    }

    @Test
    void tagsOfAnArticleAreNeverPiecesOfItsNames() {
        String body = "在东江云栖大会上，阿里巴巴集团发布了首款推理芯片。阿里巴巴表示，这款芯片性能领先。"
                + "阿里巴巴云计算负责人介绍，芯片已用于图像搜索。阿里巴巴还将开放芯片算力。芯片研发历时两年。";
        List<String> tags = Keywords.of("阿里巴巴发布推理芯片", body, 8);
        assertThat(tags).contains("芯片").doesNotContain("巴巴", "里巴");
    }

    @Test
    void wordsEveryStoryUsesAreNoTags() {
        String body = "东江传呼台宣布停止传呼业务。传呼台负责人表示，传呼服务用户已不足千人，公司将把业务转向物联网。"
                + "传呼机曾是东江人最时髦的通讯工具，网站消息称，最后一批传呼机将捐给博物馆。";
        List<String> tags = Keywords.of("东江最后一家传呼台停止服务", body, 8);
        assertThat(tags).contains("传呼机").doesNotContain("业务", "服务", "公司", "消息", "网站");
    }
}

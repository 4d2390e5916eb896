package io.huiwen.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            谿               | 溪
            慈谿             | 慈溪
            機器人           | 机器人
            ＪＡＶＡ         | java
            Java             | java
            囘喫             | 回吃
            慈谿機器人ＡＢＣ　Java | 慈溪机器人abc java
            iPhone 與 華為    | iphone 与 华为
            """)
    void foldsTraditionalWidthAndCaseOneCharForOne(String text, String folded) {
        assertThat(Folding.fold(text)).isEqualTo(folded).hasSameSizeAs(text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            慈谿             | 慈溪
            機器人           | 机器人
            乾隆             | 乾隆
            iPhone 與 華為    | iPhone 与 华为
            ＪＡＶＡ         | ＪＡＶＡ
            """)
    void simplifiesByWordsKeepingCaseAndWidth(String text, String simplified) {
        assertThat(Folding.simplified(text)).isEqualTo(simplified);
    }

    @ParameterizedTest
    @CsvSource({"乾隆,干隆", "慈谿,慈溪", "機器人,机器人", "ＪＡＶＡ,java"})
    void bothSpellingsFoldAlike(String one, String other) {
        assertThat(Folding.fold(one)).isEqualTo(Folding.fold(other));
        assertThat(Folding.fold(Folding.simplified(one))).isEqualTo(Folding.fold(other));
    }

    @org.junit.jupiter.api.Test
    void nullFoldsToEmpty() {
        assertThat(Folding.fold(null)).isEmpty();
        assertThat(Folding.simplified(null)).isEmpty();
    }
}

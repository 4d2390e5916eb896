package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReaderQueryTest {

    private ReaderQuery parser() {
        return new ReaderQuery(ChineseAnalyzer.forQuery(), new BigramAnalyzer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"机器人", "-", "--", "\"\"", "机器人 -", "(((", "a AND OR NOT", "*", "\\", "机器人\u0000",
            "“全角引号", "source:", "site:\"", "-source:", "！？。，", "\u202e\u200b机器人", "\"\"\"\""})
    void malformedQueriesNeverThrow(String query) {
        assertThatCode(() -> parser().parse(query)).doesNotThrowAnyException();
    }

    @Test
    void aVeryLongQueryIsCutBeforeParsing() {
        String longQuery = "机器人".repeat(4000);
        assertThat(new SearchRequest(longQuery, null, null, null, null, null, 1, 10).query()).hasSize(SearchRequest.MAX_QUERY_CHARS);
    }

    @Test
    void manyWordsStayWithinLucenesClauseLimit() {
        String many = String.join(" ", java.util.Collections.nCopies(60, "人工智能产业园区建设"));
        assertThatCode(() -> parser().parse(many)).doesNotThrowAnyException();
    }

    @Test
    void blankOrPunctuationOnlyQueriesExplainThemselves() {
        assertThat(parser().parse("   ").problem()).isEqualTo("请输入要搜索的词语。");
        assertThat(parser().parse(null).query()).isInstanceOf(org.apache.lucene.search.BooleanQuery.class);
        assertThat(parser().parse("！？。，").problem()).isEqualTo("请输入要搜索的词语。");
        assertThat(parser().parse("-集团").problem()).contains("排除");
        assertThat(parser().parse("-").positive()).isInstanceOf(MatchNoDocsQuery.class);
    }

    @Test
    void syntaxReadsWordsPhrasesExclusionsAndSources() {
        QuerySyntax q = QuerySyntax.parse("余姚 \"机器人 产业\" -集团 -\"订单 增长\" source:甬派客户端 -site:example.cn");
        assertThat(q.words()).containsExactly("余姚");
        assertThat(q.phrases()).containsExactly("机器人 产业");
        assertThat(q.excludedWords()).containsExactly("集团");
        assertThat(q.excludedPhrases()).containsExactly("订单 增长");
        assertThat(q.sources()).containsExactly("甬派客户端");
        assertThat(q.excludedSources()).containsExactly("example.cn");
    }

    @Test
    void unbalancedQuotesRunToTheEnd() {
        assertThat(QuerySyntax.parse("\"余姚 机器人").phrases()).containsExactly("余姚 机器人");
        assertThat(QuerySyntax.parse("“余姚 机器人”").phrases()).containsExactly("余姚 机器人");
    }

    @Test
    void fullWidthAndTraditionalQueriesAreFolded() {
        QuerySyntax q = QuerySyntax.parse("ＪＡＶＡ　機器人　－集團　來源：東海日報");
        assertThat(q.words()).containsExactly("java", "机器人");
        assertThat(q.excludedWords()).containsExactly("集团");
        assertThat(q.sources()).containsExactly("东海日报");
    }

    @Test
    void pinyinRunsSplitIntoSyllablesButLatinWordsDoNot() {
        assertThat(Syllables.split("yuyaojiqiren")).containsExactly("yu", "yao", "ji", "qi", "ren");
        assertThat(Syllables.split("cixi")).containsExactly("ci", "xi");
        assertThat(Syllables.split("fangan")).containsExactly("fang", "an");
        assertThat(Syllables.split("java")).isEmpty();
        assertThat(Syllables.split("python")).isEmpty();
        assertThat(Syllables.split("a")).isEmpty();
    }
}

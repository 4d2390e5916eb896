package io.huiwen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReaderQueryTest {

    private final ReaderQuery parser = new ReaderQuery(ChineseAnalyzer.forQuery());

    @ParameterizedTest
    @ValueSource(strings = {"\"机器人", "-", "--", "\"\"", "机器人 -", "(((", "a AND OR NOT", "*", "\\", "机器人\u0000", "“全角引号"})
    void malformedQueriesNeverThrow(String query) {
        assertThatCode(() -> parser.parse(query)).doesNotThrowAnyException();
    }

    @Test
    void aVeryLongQueryIsCutBeforeParsing() {
        String longQuery = "机器人".repeat(4000);
        assertThat(new SearchRequest(longQuery, null, null, null, null, null, 1, 10).query()).hasSize(SearchRequest.MAX_QUERY_CHARS);
    }

    @Test
    void blankQueriesMatchNothing() {
        assertThat(parser.parse("   ")).isInstanceOf(MatchNoDocsQuery.class);
        assertThat(parser.parse(null)).isInstanceOf(MatchNoDocsQuery.class);
    }

    @Test
    void unbalancedQuotesAreClosed() {
        assertThat(ReaderQuery.clean("\"余姚 机器人")).isEqualTo("\"余姚 机器人\"");
        assertThat(ReaderQuery.clean("“余姚 机器人”")).isEqualTo("\"余姚 机器人\"");
    }
}

package io.huiwen.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;

/**
 * HanLP words over folded text (简繁, full width, case). The index analyzer adds sub-words at the
 * same position; the query analyzer does not, so a query word matches whole words and their parts.
 */
final class ChineseAnalyzer extends Analyzer {

    private final boolean indexMode;

    private ChineseAnalyzer(boolean indexMode) {
        this.indexMode = indexMode;
    }

    static ChineseAnalyzer forIndex() {
        return new ChineseAnalyzer(true);
    }

    static ChineseAnalyzer forQuery() {
        return new ChineseAnalyzer(false);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new HanlpTokenizer(indexMode));
    }
}

package io.huiwen.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;

/**
 * HanLP segmentation with full-width and case folding. The index analyzer adds sub-words at the same
 * position; the query analyzer does not, so a query word matches whole words and their parts.
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
    protected TokenStreamComponents createComponents(String fieldName) {
        HanlpTokenizer tokenizer = new HanlpTokenizer(indexMode);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(new CJKWidthFilter(tokenizer)));
    }
}

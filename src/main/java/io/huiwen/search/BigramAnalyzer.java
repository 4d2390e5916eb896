package io.huiwen.search;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Overlapping pairs of Han characters (赛诺微 → 赛诺 诺微) and whole Latin words, over folded text.
 * It needs no dictionary, so it finds names HanLP does not know and exact phrases however HanLP
 * happened to cut them; it is cheap next to segmentation.
 */
final class BigramAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        return new TokenStreamComponents(tokenizer, new CJKBigramFilter(tokenizer, CJKBigramFilter.HAN, false));
    }
}

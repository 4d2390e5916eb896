package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The toneless pinyin syllable of each Han character (慈溪 → ci xi), with the character's offsets,
 * so a pinyin query is a phrase of syllables and its match can be highlighted in the text.
 * HanLP reads words as a whole (银行 → yin hang), which gets most polyphones right.
 */
final class PinyinAnalyzer extends Analyzer {

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new FoldingFilter(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new SyllableTokenizer());
    }

    /** A syllable as typed: without tone, ü as v. */
    static String syllable(com.hankcs.hanlp.dictionary.py.Pinyin p) {
        return p.getPinyinWithoutTone().replace('ü', 'v');
    }

    private static final class SyllableTokenizer extends Tokenizer {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private String text;
        private List<com.hankcs.hanlp.dictionary.py.Pinyin> pinyin;
        private int next;

        @Override
        public boolean incrementToken() throws IOException {
            clearAttributes();
            if (text == null) {
                text = HanlpTokenizer.readAll(input);
                pinyin = HanLP.convertToPinyinList(text);
                next = 0;
            }
            for (; next < text.length() && next < pinyin.size(); next++) {
                char c = text.charAt(next);
                var p = pinyin.get(next);
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && !"none".equals(p.getPinyinWithoutTone())) {
                    term.setEmpty().append(syllable(p));
                    offset.setOffset(correctOffset(next), correctOffset(next + 1));
                    next++;
                    return true;
                }
            }
            return false;
        }

        @Override
        public void end() throws IOException {
            super.end();
            int end = text == null ? 0 : correctOffset(text.length());
            offset.setOffset(end, end);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            text = null;
        }
    }
}

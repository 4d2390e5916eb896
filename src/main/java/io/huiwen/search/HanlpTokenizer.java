package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import io.huiwen.text.Segmenter;
import io.huiwen.text.Segmenter.Word;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene tokenizer over HanLP dictionary words: runs of Han characters are cut by longest
 * dictionary match, each run of Latin letters and digits is one word, the rest is dropped. In index
 * mode the dictionary sub-words of a long word follow it at the same position, so 机器人 is found
 * inside 浙江机器人产业集团. No name or place recognition: it is some twenty times slower, and the
 * bigram field finds names the dictionary does not know.
 */
final class HanlpTokenizer extends Tokenizer {

    private static final int MAX_CHARS = 2_000_000;
    private static final ThreadLocal<Segment> DICTIONARY = ThreadLocal.withInitial(() -> HanLP.newSegment("dat").enableOffset(true));

    private final boolean indexMode;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private List<Word> words;
    private int next;
    private int finalOffset;

    HanlpTokenizer(boolean indexMode) {
        this.indexMode = indexMode;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        if (words == null) {
            String text = readAll(input);
            finalOffset = correctOffset(text.length());
            words = words(text, indexMode);
            next = 0;
        }
        if (next >= words.size()) {
            return false;
        }
        Word w = words.get(next++);
        term.setEmpty().append(w.text());
        offset.setOffset(correctOffset(w.start()), correctOffset(w.end()));
        position.setPositionIncrement(w.subWord() ? 0 : 1);
        return true;
    }

    /** The words of (already folded) text, in order of where they start. */
    static List<Word> words(String text, boolean indexMode) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = i + 1;
            if (Segmenter.isHan(c)) {
                while (end < text.length() && Segmenter.isHan(text.charAt(end))) {
                    end++;
                }
                for (Term t : DICTIONARY.get().seg(text.substring(i, end))) {
                    Word w = new Word(t.word, "x", i + t.offset, i + t.offset + t.length(), false);
                    out.add(w);
                    if (indexMode && w.text().length() >= 3) {
                        out.addAll(Segmenter.subWords(w.text(), w.start()));
                    }
                }
            } else if (Character.isLetterOrDigit(c)) {
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end)) && !Segmenter.isHan(text.charAt(end))) {
                    end++;
                }
                out.add(new Word(text.substring(i, end), "x", i, end, false));
            }
            i = end;
        }
        return out;
    }

    /** The whole field, up to a limit no real article reaches. */
    static String readAll(Reader input) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = input.read(buf)) > 0 && sb.length() < MAX_CHARS) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Override
    public void end() throws IOException {
        super.end();
        offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        words = null;
    }
}

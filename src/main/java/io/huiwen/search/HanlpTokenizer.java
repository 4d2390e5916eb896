package io.huiwen.search;

import io.huiwen.text.Segmenter;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lucene tokenizer over HanLP words. In index mode the sub-words of a long word are emitted at
 * the same position as the word, so a query for a part of a compound finds it. Whitespace and
 * punctuation are dropped.
 */
final class HanlpTokenizer extends Tokenizer {

    private static final int MAX_CHARS = 2_000_000;

    private final boolean indexMode;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private Iterator<Segmenter.Word> words;
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
            List<Segmenter.Word> all = indexMode ? Segmenter.get().indexWords(text) : Segmenter.get().words(text);
            words = all.iterator();
        }
        while (words.hasNext()) {
            Segmenter.Word w = words.next();
            if (w.text().codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            term.setEmpty().append(w.text());
            offset.setOffset(correctOffset(w.start()), correctOffset(w.end()));
            position.setPositionIncrement(w.subWord() ? 0 : 1);
            return true;
        }
        return false;
    }

    /** The whole field, up to a limit no real article reaches. */
    static String readAll(java.io.Reader input) throws IOException {
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

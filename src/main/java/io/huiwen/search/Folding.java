package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Folds text so that spellings a reader treats as the same letter match: traditional Chinese to
 * simplified (慈谿 → 慈溪, 機器人 → 机器人), full-width ASCII to half-width, Latin to lower case.
 * Every fold maps one char to one char, so offsets into the folded text are offsets into the
 * original and the highlighter needs no correction.
 */
final class Folding {

    private static final char[] TABLE = table();

    private Folding() {}

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        fold(chars, 0, chars.length);
        return new String(chars);
    }

    static void fold(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            chars[i] = TABLE[chars[i]];
        }
    }

    /** The same folding as a Lucene char filter, for analyzers. */
    static Reader reader(Reader input) {
        return new CharFilter(input) {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                int n = input.read(cbuf, off, len);
                if (n > 0) {
                    fold(cbuf, off, off + n);
                }
                return n;
            }

            @Override
            protected int correct(int currentOff) {
                return currentOff;
            }
        };
    }

    private static char[] table() {
        char[] t = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            t[c] = Character.toLowerCase((char) c);
        }
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) { // ！ … ～ are ! … ~ in full width
            t[c] = Character.toLowerCase((char) (c - 0xFEE0));
        }
        t['\u3000'] = ' ';
        for (char c = '\u3400'; c < '\uA000'; c++) {
            String s = HanLP.convertToSimplifiedChinese(String.valueOf(c));
            if (s.length() == 1) {
                t[c] = s.charAt(0);
            }
        }
        // variants HanLP's table leaves alone
        String variants = "谿溪囘回喫吃";
        for (int i = 0; i < variants.length(); i += 2) {
            t[variants.charAt(i)] = variants.charAt(i + 1);
        }
        return t;
    }
}

package io.huiwen.text;

import com.hankcs.hanlp.HanLP;

/**
 * What counts as the same letter, defined once for tags, search and category names: traditional
 * Chinese is simplified (慈谿 → 慈溪, 機器人 → 机器人), full-width ASCII is half-width, Latin is
 * lower case.
 *
 * <p>{@link #fold} applies all three, one char to one char, so offsets into folded text are
 * offsets into the original: for comparing and for search. {@link #simplified} keeps case and
 * width and converts words rather than chars (乾隆 stays 乾隆, where {@code fold} gives 干隆): for
 * text whose words are shown, such as tags. Both know the same variants, so for any text
 * {@code fold(simplified(t))} equals {@code fold(t)} wherever HanLP's words agree with its chars.
 */
public final class Folding {

    /** Variants HanLP's table leaves alone, each followed by its simplified form. */
    private static final String VARIANTS = "谿溪囘回喫吃";
    private static final char[] TABLE = table();

    private Folding() {}

    /** Simplified, half-width, lower case; the same length as {@code text} ({@code ""} for null). */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        fold(chars, 0, chars.length);
        return new String(chars);
    }

    /** Folds {@code chars[from..to)} in place. */
    public static void fold(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            chars[i] = TABLE[chars[i]];
        }
    }

    /** Simplified characters by words, case and width kept ({@code ""} for null or empty). */
    public static String simplified(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = HanLP.convertToSimplifiedChinese(text);
        for (int i = 0; i < VARIANTS.length(); i += 2) {
            s = s.replace(VARIANTS.charAt(i), VARIANTS.charAt(i + 1));
        }
        return s;
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
        for (int i = 0; i < VARIANTS.length(); i += 2) {
            t[VARIANTS.charAt(i)] = VARIANTS.charAt(i + 1);
        }
        return t;
    }
}

package io.huiwen.text;

/**
 * The auto excerpt shown under titles in lists: the article's opening sentences from its first
 * real one (no original headline, breadcrumb, editor's preface or credit line before it, see
 * {@link Preamble}), cut at a sentence end. It is made from the body text, which holds no
 * captions; a credit line left in the body (李明/摄) is skipped too.
 */
public final class Excerpt {

    public static final int DEFAULT_LENGTH = 120;

    private Excerpt() {}

    public static String of(String bodyText) {
        return of(bodyText, DEFAULT_LENGTH);
    }

    public static String of(String bodyText, int maxChars) {
        if (bodyText == null || bodyText.isBlank()) {
            return "";
        }
        String flat = firstParagraphs(bodyText, maxChars);
        if (flat.length() <= maxChars) {
            return flat;
        }
        int cut = lastSentenceEnd(flat, maxChars);
        return cut > maxChars / 2 ? flat.substring(0, cut + 1) : flat.substring(0, maxChars) + "…";
    }

    /**
     * Paragraphs of real prose joined until the length is reached. Subheadings are left out
     * wherever they stand, so a heading never runs into the sentence after it
     * (…再享受3元补贴。今年75岁的…, not …补贴。一顿饭里的民生温度今年75岁的…); a body of nothing
     * but short lines keeps them, each separated by a space.
     */
    private static String firstParagraphs(String text, int maxChars) {
        String prose = joined(text, maxChars, true);
        return prose.isEmpty() ? joined(text, maxChars, false) : prose;
    }

    private static String joined(String text, int maxChars, boolean proseOnly) {
        StringBuilder sb = new StringBuilder();
        boolean started = false;
        for (String para : text.split("\\n\\s*\\n")) {
            String p = para.strip().replaceAll("\\s+", " ");
            if (!started) { // what stands before the first real sentence is left out (Preamble)
                p = Preamble.fromFirstSentence(p);
                p = Preamble.isPreamble(p) ? "" : p;
            }
            if (p.isEmpty() || (proseOnly && looksLikeHeading(p)) || Preamble.isCredit(p)) {
                continue;
            }
            started = true;
            if (!sb.isEmpty() && (!endsSentence(sb.charAt(sb.length() - 1)) || isLatin(sb.charAt(sb.length() - 1)) && isLatin(p.charAt(0)))) {
                sb.append(' ');
            }
            sb.append(p);
            if (sb.length() >= maxChars) {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean looksLikeHeading(String p) {
        return p.length() <= 24 && !p.matches(".*[。！？!?.…；;”]$");
    }

    private static boolean endsSentence(char c) {
        return "。！？!?.…；;”」』）)".indexOf(c) >= 0;
    }

    private static int lastSentenceEnd(String s, int limit) {
        for (int i = Math.min(limit, s.length()) - 1; i > 0; i--) {
            char c = s.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || (c == '.' && i + 1 < s.length() && s.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** Latin-script text separates sentences with a space; Chinese runs them together. */
    private static boolean isLatin(char c) {
        return c < 0x2E80 && !Character.isWhitespace(c);
    }
}

package io.huiwen.extract;

import java.util.regex.Pattern;

/**
 * Recognises photo-credit lines ({@code 某某工厂。张三/摄}, {@code 某某市委宣传部供图},
 * {@code 新华社记者 李四 摄}, {@code (图/视觉中国)}, {@code 资料图}). Only short lines: a long
 * paragraph that happens to end in 摄 is text, not a caption.
 */
final class CaptionDetector {
    static final int MAX_CAPTION_CHARS = 80;

    private static final Pattern CREDIT = Pattern.compile(
            "(?:/\\s*摄|摄影?|供图|拍摄|摄影[:：]\\s*\\S{1,12}|图片来源[:：].{0,30}|图片由.{1,20}提供|"
                    + "[(（]\\s*图\\s*[/|].{0,20}[)）]|资料图片?|[(（]资料图片?[)）]|(?:视觉中国|东方IC|人民视觉|图虫创意|IC photo|pixabay|unsplash)\\s*(?:资料)?(?:图片?)?|图源[:：].{0,20}|"
                    + "(?:^|\\s|[(（])图\\s*[/／]\\s*\\S{1,20})"
                    + "\\s*[)）]?\\s*$");
    /** Picture agencies named in credits, lower case. */
    private static final String AGENCIES = "(getty images|afp|reuters|dpa|epa|ap|imago( images)?|keystone|picture[- ]alliance|"
            + "shutterstock|istock(photo)?|ddp|efe|anp|ansa|xinhua|新华社|视觉中国)";
    /**
     * A picture credit on its own line: a photographer and a picture agency joined by a slash ("AFP /
     * Marco Rossi", "Augusta National/Getty Images", "Foto: dpa/Anna Berger").
     */
    private static final Pattern AGENCY_CREDIT = Pattern.compile(
            "^[^.!?。]{0,50}/\\s*" + AGENCIES + "\\b[^.!?。]{0,30}$|^" + AGENCIES + "\\s*/\\s*[^.!?。/]{2,40}$");
    /** A picture's caption with its credit at the end: "Der Neubau am Fluss. © AFP / Marco Rossi", "… | © Getty Images". */
    private static final Pattern CREDITED_CAPTION = Pattern.compile("[.!?。]\\s*(\\|\\s*)?(©|\\(c\\))\\s*[^.!?©。]{2,60}$");
    private static final int MAX_CREDITED_CAPTION_CHARS = 200;
    private static final Pattern LEADING_PHOTO = Pattern.compile("^\\s*(?:图为|图[:：]|图片[:：]|▲|△)");

    /** The longest line read as a picture's label when it follows the picture directly. */
    private static final int MAX_LABEL_CHARS = 30;

    private CaptionDetector() {}

    /** {@code lower}: a lower-cased line that is only a photographer and a picture agency. */
    static boolean isAgencyCredit(String lower) {
        return AGENCY_CREDIT.matcher(lower).find();
    }

    /** A caption that ends with the picture's credit; the reader keeps it as the caption, never as text. */
    static boolean isCreditedCaption(String line) {
        return line.length() <= MAX_CREDITED_CAPTION_CHARS && CREDITED_CAPTION.matcher(line).find();
    }

    /**
     * A short line right under a picture that names what it shows ("小花家。", "冰洞。", "事发次日的检查单。"):
     * one clause of Chinese ending in 。, no comma, no quotation, no question; such a line labels the picture rather than
     * telling the story. Only Chinese: in other languages a short line after a picture is as often a lead-in.
     */
    static boolean isPictureLabel(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_LABEL_CHARS) {
            return false;
        }
        long han = s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        if (han * 2 < s.length()) {
            return false;
        }
        if (!s.endsWith("。")) {
            return false; // without its full stop it is as likely a subheading ("冰洞搜索")
        }
        String body = s.substring(0, s.length() - 1);
        return body.chars().noneMatch(c -> "，,。；;：:“”\"？?！!「」".indexOf(c) >= 0);
    }

    static boolean isCaption(String line) {
        if (line == null) {
            return false;
        }
        String s = line.replace('\u00a0', ' ').strip();
        if (s.isEmpty() || s.length() > MAX_CAPTION_CHARS) {
            return false;
        }
        if (CREDIT.matcher(s).find()) {
            return !endsLikeProse(s);
        }
        return LEADING_PHOTO.matcher(s).find() && s.length() <= 60;
    }

    /** "他说这张照片是我摄。" ends a sentence; a credit does not end in 。 after the credit word. */
    private static boolean endsLikeProse(String s) {
        char last = s.charAt(s.length() - 1);
        return last == '。' || last == '！' || last == '？' || last == '"' || last == '”';
    }
}

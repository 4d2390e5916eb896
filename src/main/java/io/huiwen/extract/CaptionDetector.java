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
                    + "[(（]\\s*图\\s*[/|].{0,20}[)）]|资料图片?|[(（]资料图片?[)）]|视觉中国|图源[:：].{0,20})"
                    + "\\s*[)）]?\\s*$");
    private static final Pattern LEADING_PHOTO = Pattern.compile("^\\s*(?:图为|图[:：]|图片[:：]|▲|△)");

    private CaptionDetector() {}

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

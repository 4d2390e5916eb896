package io.huiwen.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strips site names from page titles: {@code 标题_澎湃新闻-The Paper}, {@code 标题-新华网}, {@code Title | Site}. */
final class TitleCleaner {
    /** A trailing separator and a short site name; a hyphen counts only next to Han text or between spaces. */
    private static final Pattern SUFFIX = Pattern.compile(
            "(?:\\s+[|｜_–—-]\\s+|\\s*[|｜_–—]\\s*|(?<=\\p{IsHan}|[”\"」》）)])-|-(?=\\p{IsHan})|(?<=[A-Za-z])-(?=[A-Za-z][^-]*\\p{IsHan}))([^|｜_–—]{1,30})$");

    private TitleCleaner() {}

    static String clean(String title) {
        if (title == null) {
            return null;
        }
        // a title tag holding markup as text ("<br />", a stray "<style>") says nothing
        String t = title.indexOf('<') >= 0 ? org.jsoup.Jsoup.parseBodyFragment(title).text() : title;
        t = t.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        for (int i = 0; i < 3; i++) {
            Matcher m = SUFFIX.matcher(t);
            if (!m.find()) {
                break;
            }
            String rest = t.substring(0, m.start()).strip();
            if (rest.length() < 6 || rest.length() * 2 < m.group(1).length()) {
                break;
            }
            t = rest;
        }
        return t.isEmpty() ? null : t;
    }
}

package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Chinese byline line such as {@code 日期:2019-09-07 来源:甬派客户端收集编辑:甬派客户端}.
 * Fields may run together without spaces, so a value ends where the next label begins.
 */
final class BylineParser {
    /** Longer labels first, so 责任编辑 wins over 编辑 and 发布时间 over 时间. */
    private static final Pattern LABEL = Pattern.compile(
            "(发布时间|发布日期|更新时间|日期|时间|文章来源|新闻来源|来源|原作者|作者|记者|责任编辑|责编|编辑)\\s*[:：]");
    /** The portal appends what it did with the story to the source's name. */
    private static final Pattern SOURCE_VERB = Pattern.compile("(收集|采集|转载|整理|转自|转发)$");
    private static final int MAX_BYLINE_CHARS = 160;

    /** Labels found, with their values; date is the raw date text (parse it with PublishDateParser). */
    record Byline(String date, String source, String author, String editor, int labels) {
        static final Byline NONE = new Byline(null, null, null, null, 0);
    }

    private BylineParser() {}

    /** True when the line is a byline: short, with at least one label, or two when it does not start with one. */
    static boolean isByline(String line) {
        if (line == null || line.length() > MAX_BYLINE_CHARS || line.indexOf(':') < 0 && line.indexOf('：') < 0) {
            return false; // every label ends in a colon: most text is ruled out without a regex
        }
        Byline b = parse(line);
        // a credit line may sit in brackets: （责任编辑：周楠）, 【编辑：姚昊】
        String start = line.strip().replaceFirst("^[【\\[(（]+\\s*", "");
        return b.labels() >= 2 || (b.labels() == 1 && (LABEL.matcher(start).lookingAt() || b.date() != null));
    }

    static Byline parse(String line) {
        if (line == null) {
            return Byline.NONE;
        }
        String s = line.replace('\u00a0', ' ').replace('\u3000', ' ').strip();
        Matcher m = LABEL.matcher(s);
        List<int[]> spans = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            labels.add(m.group(1));
        }
        String date = null;
        String source = null;
        String author = null;
        String editor = null;
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : s.length();
            String value = s.substring(spans.get(i)[1], end).strip();
            switch (labels.get(i)) {
                case "发布时间", "发布日期", "更新时间", "日期", "时间" -> date = date == null ? emptyToNull(value) : date;
                case "文章来源", "新闻来源", "来源" -> source = source == null ? name(value, true) : source;
                case "原作者", "作者", "记者" -> author = author == null ? name(value, false) : author;
                default -> editor = editor == null ? name(value, false) : editor;
            }
        }
        if (date == null && !spans.isEmpty() && spans.get(0)[0] > 0) {
            // "2019-09-07 13:43:45 来源: 网易" prints the date without a label before the first one.
            String lead = s.substring(0, spans.get(0)[0]).strip();
            date = PublishDateParser.parse(lead, null) == null ? null : lead;
        }
        return new Byline(date, source, author, editor, spans.size());
    }

    /** A name runs to the first gap: what follows a space is another field ("新华网 2019-09-07", "张三 举报"). */
    private static String name(String value, boolean source) {
        String v = value.strip();
        int gap = v.indexOf(' ');
        if (gap > 0 && containsHan(v.substring(0, gap))) {
            v = v.substring(0, gap);
        }
        v = v.replaceAll("^[【\\[(（]+|[】\\])）|,，;；]+$", "").strip();
        if (source) {
            v = SOURCE_VERB.matcher(v).replaceFirst("").strip();
        }
        return emptyToNull(v);
    }

    private static boolean containsHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.huiwen.extract;

import java.util.regex.Pattern;

/**
 * Tells an outlet's name (新京报, 人民网-文化频道, IT之家) from a writer's (裴剑飞), and cleans a
 * name as bylines print it. Chinese outlets name themselves for what they are (网, 报, 社, 台,
 * 频道, 客户端 …), while a person's name is two to four characters that end in none of those; the
 * portals that republish everyone (网易, 新浪 …) are never anyone's author.
 */
final class OutletName {
    private static final Pattern OUTLET = Pattern.compile(
            "(网|报|社|台|新闻|周刊|月刊|频道|客户端|传媒|媒体|杂志|之家|在线|资讯|日报|晚报|时报|早报|商报|电视|广播|"
                    + "观察|财经|科技|公众号|微信号|出版|集团|研究院|中心)$|^(网易|新浪|腾讯|搜狐|凤凰|百度|今日头条)");
    private static final Pattern PORTAL = Pattern.compile("网易|新浪|腾讯|搜狐|凤凰网|百度|今日头条|头条|网易新闻|新浪网|腾讯网");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    /** Words a template leaves where a name should be, and "the web", which is no outlet and no writer. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)name|admin|author|editor|unknown|null|none|undefined|匿名|佚名|网络|互联网|网友|网络整理|网络转载");
    /** What follows a name on the same line: share widgets, report links, dates. */
    private static final Pattern TRAILING_UI = Pattern.compile(
            "\\s*(收藏本文|收藏|分享到|分享至|分享|举报|打印|关闭|扫一扫|字号|评论|\\d{4}[-/年]).*$");
    /** What a byline says was done besides writing: 原创稿, 整合, 编译 …. */
    /** "By Anna Reed", "Von Jonas Weber": the word before a byline's name. */
    private static final Pattern BY = Pattern.compile("^(?i)(by|von|par|por|di|door|av)\\s+");
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*(原创稿|原创|稿件|供稿|整合|整理|编译|综合|报道|摄)$");

    private OutletName() {}

    static boolean isOutlet(String name) {
        return name != null && OUTLET.matcher(name.strip()).find();
    }

    /** A portal that republishes others' stories: its name is the platform's, never a byline. */
    static boolean isPortal(String name) {
        return name != null && PORTAL.matcher(name.strip()).matches();
    }

    /**
     * A name as a byline should show it: without e-mail addresses, share widgets after it, brackets
     * around it or a trailing "原创稿"; null when nothing name-like is left (a numeric id, a placeholder).
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = EMAIL.matcher(raw.replace('\u00a0', ' ').replace('\u3000', ' ')).replaceAll(" ");
        s = TRAILING_UI.matcher(s).replaceFirst("");
        s = BY.matcher(s.strip()).replaceFirst("");
        s = s.replaceAll("^[\\s【\\[(（:：]+|[\\s】\\])）|,，;；:：、]+$", "");
        s = TRAILING_NOTE.matcher(s.strip()).replaceFirst("").strip();
        s = s.replaceAll("[\\s,，;；]+$", "");
        if (s.isEmpty() || s.chars().noneMatch(Character::isLetter) || PLACEHOLDER.matcher(s).matches() || s.length() > 40) {
            return null;
        }
        return s;
    }
}

package io.huiwen.collect;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a link looks like it leads to one article: by its URL (dates, long ids, .html leaves,
 * slugs) and by its text (a headline, not a label like "财经" or "下一页").
 */
final class ArticleLinkShape {

    /** How much a URL alone says about being an article page. */
    enum UrlEvidence { HUB, NONE, WEAK, STRONG }

    private static final Pattern DATE = Pattern.compile(
            "(?:^|[/_t-])(?:19|20)\\d{2}[-/_]?(?:0?[1-9]|1[0-2])[-/_]?(?:0?[1-9]|[12]\\d|3[01])(?=[/_.-]|$)");
    private static final Pattern LONG_ID = Pattern.compile("(?:^|\\D)\\d{5,}(?:\\D|$)");
    private static final Pattern SHORT_ARTICLE_PATH = Pattern.compile("/(?:a|p|articles?|story|detail)/\\d+(?:[/.]|$)");
    private static final Pattern WORDY_PATH = Pattern.compile(
            "/(?:articles?|story|stories|post|posts|detail|content|doc|news/[^/]+)/[^/]+|\\.s?html?$");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+){2,}(?:\\.\\w+)?/?$");
    private static final Pattern HUB_LEAF = Pattern.compile(
            "(?:^|/)(?:index|list|default|more|home)(?:_\\d+)?\\.(?:s?html?|php|aspx?|jsp)$");
    private static final Pattern PAGED_PATH = Pattern.compile("/page/\\d+/?$|/(?:list|index)[_-]\\d+(?:\\.\\w+)?$");
    private static final Pattern PAGED_QUERY = Pattern.compile("(?:^|&)(?:page|pn|pg|pageno|pagenum|pageindex)=\\d");
    private static final Set<String> HUB_SEGMENTS = Set.of("tag", "tags", "category", "categories", "list", "lists",
            "author", "authors", "search", "topic", "topics", "label", "login", "register", "user");
    private static final Set<String> FILE_TYPES = Set.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "ico",
            "tif", "tiff", "avif", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "zip", "rar", "7z", "gz",
            "tgz", "tar", "bz2", "apk", "ipa", "exe", "dmg", "msi", "mp3", "mp4", "m4a", "avi", "mov", "flv", "wmv",
            "wav", "mkv", "txt", "csv", "xml", "rss", "json", "css", "js", "swf", "torrent");
    private static final Pattern PAGER_TEXT = Pattern.compile(
            "\\d{1,4}|下一?页|上一?页|首页|尾页|末页|前页|后页|下一篇|上一篇|更多.*|查看更多|more|next|prev|previous|"
                    + "older|newer|older posts|newer posts|next page|previous page|load more|first|last");

    private ArticleLinkShape() {}

    static UrlEvidence of(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        if (isHub(path, query)) {
            return UrlEvidence.HUB;
        }
        if (DATE.matcher(path).find() || LONG_ID.matcher(path + "?" + query).find()
                || SHORT_ARTICLE_PATH.matcher(path).find()) {
            return UrlEvidence.STRONG;
        }
        if (WORDY_PATH.matcher(path).find() || SLUG.matcher(path).find()) {
            return UrlEvidence.WEAK;
        }
        return UrlEvidence.NONE;
    }

    static boolean isFile(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && FILE_TYPES.contains(path.substring(dot + 1));
    }

    /** A link to another page of the same list ("2", "下一页", ?page=3). */
    static boolean isPager(String text) {
        String bare = text == null ? "" : text.replaceAll("[\\s\\p{Punct}«»‹›…【】（）\\u3000-\\u3003]+", " ").strip();
        return !bare.isEmpty() && PAGER_TEXT.matcher(bare.toLowerCase(Locale.ROOT)).matches();
    }

    /** 8–60 Chinese characters (Latin words and numbers counting one each), or four or more Latin words. */
    static boolean isHeadline(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            }
            i += Character.charCount(cp);
        }
        long words = Pattern.compile("[\\p{IsLatin}\\d][\\p{IsLatin}\\d'’.,%-]*").matcher(text).results().count();
        if (han > 0) {
            return han + words >= 8 && han <= 60;
        }
        return words >= 4 && words <= 40;
    }

    /** Text too short to be a headline and too long to be a date: a section name, "详情", "评论". */
    static boolean isLabel(String text) {
        return text == null || text.isBlank() || !isHeadline(text) && text.strip().codePointCount(0, text.strip().length()) <= 6;
    }

    private static boolean isHub(String path, String query) {
        if (HUB_LEAF.matcher(path).find() || PAGED_PATH.matcher(path).find() || PAGED_QUERY.matcher(query).find()) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (HUB_SEGMENTS.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}

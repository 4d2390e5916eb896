package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The section or column a page says it belongs to, in the words of the page: schema.org
 * {@code articleSection} (JSON-LD or microdata), {@code <meta property="article:section">} and its
 * kin, else a column name printed beside the headline ({@code <span class="column">国际</span>},
 * 栏目：财经). Also the trail a page's {@code <title>} gives after its headline (标题_财经_腾讯网), where
 * Chinese portals name the channel and the site. It only reads; whether a name is one of the portal's
 * categories is the category evidence's business.
 */
final class SectionReader {
    private static final List<String> SECTION_METAS = List.of(
            "article:section", "og:article:section", "articleSection", "section", "og:category", "category", "column", "channel");
    /** Class or id words of an element holding a column or channel name (English and pinyin). */
    private static final Pattern COLUMN_NAMES = Pattern.compile("column|channel|section|category|lanmu|pindao|tag-?name",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_LINE = Pattern.compile("^\\s*(?:栏目|频道|分类|板块|专栏)\\s*[:：]\\s*(\\S{1,10})\\s*$");
    /** A column name is a word or two; longer text beside a headline is a deck or a byline. */
    private static final int MAX_NAME_CHARS = 10;
    private static final Pattern NOT_A_NAME = Pattern.compile("[0-9:：,，。!！?？>›»|/]");
    /** What separates a {@code <title>}'s headline, channel and site names: 标题_财经_腾讯网, 标题--文化--人民网, 标题 | 体育. */
    private static final Pattern TRAIL_SEPARATOR = Pattern.compile("\\s*(?:_+|[|｜]|-+|[—–]+)\\s*");
    private static final int MAX_TRAIL_PART_CHARS = 16, MAX_TRAIL_PARTS = 5;

    private SectionReader() {}

    /** The page's own section name, or null when it names none. */
    static String read(Document doc) {
        String section = fromJsonLd(doc);
        if (section == null) {
            Element item = doc.selectFirst("[itemprop=articleSection]");
            section = item == null ? null : name(item.hasAttr("content") ? item.attr("content") : item.text());
        }
        if (section == null) {
            section = fromMeta(doc);
        }
        return section != null ? section : besideHeadline(doc);
    }

    /**
     * The names the page's {@code <title>} gives after the headline, most specific first: 标题_财经_腾讯网 →
     * [财经, 腾讯网]. Empty when the title does not start with the headline followed by a separator
     * (then where the headline ends is a guess) or when a part is too long to be a name.
     */
    static List<String> titleTrail(Document doc, String headline) {
        String title = doc.title().replace('\u00a0', ' ').strip();
        String head = headline == null ? "" : headline.replace('\u00a0', ' ').strip();
        if (head.isEmpty() || !title.startsWith(head)) {
            return List.of();
        }
        String rest = title.substring(head.length());
        Matcher first = TRAIL_SEPARATOR.matcher(rest);
        if (!first.lookingAt()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : TRAIL_SEPARATOR.split(rest.substring(first.end()))) {
            String p = part.strip();
            if (p.length() > MAX_TRAIL_PART_CHARS || parts.size() == MAX_TRAIL_PARTS) {
                return List.of();
            }
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static String fromJsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            List<Object> found = new ArrayList<>();
            find(JsonText.parse(script.data().strip()), found, 0);
            for (Object value : found) {
                String s = value instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : value instanceof String str ? str : null;
                if (name(s) != null) {
                    return name(s);
                }
            }
        }
        return null;
    }

    private static void find(Object value, List<Object> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.get("articleSection") != null) {
                out.add(map.get("articleSection"));
            }
            map.values().forEach(v -> find(v, out, depth + 1));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> find(v, out, depth + 1));
        }
    }

    /** Meta names are compared without spaces: pages write {@code name="og:category "}. */
    private static String fromMeta(Document doc) {
        Elements metas = doc.select("meta[content]"); // once, not once per wanted name
        for (String wanted : SECTION_METAS) {
            for (Element meta : metas) {
                for (String attr : List.of("property", "name", "itemprop")) {
                    if (meta.attr(attr).replace(" ", "").equalsIgnoreCase(wanted) && name(meta.attr("content")) != null) {
                        return name(meta.attr("content"));
                    }
                }
            }
        }
        return null;
    }

    /** A short element named for a column just before the headline, in its box or the box around it. */
    private static String besideHeadline(Document doc) {
        Element headline = doc.selectFirst("h1");
        if (headline == null) {
            return null;
        }
        Element box = headline;
        for (int level = 0; level < 2 && box != null; level++, box = box.parent()) {
            for (Element before = box.previousElementSibling(); before != null; before = before.previousElementSibling()) {
                for (Element e : before.getAllElements()) {
                    Matcher line = COLUMN_LINE.matcher(e.ownText());
                    if (line.matches()) {
                        return name(line.group(1));
                    }
                    if (COLUMN_NAMES.matcher(e.className() + " " + e.id()).find() && name(e.text()) != null) {
                        return name(e.text());
                    }
                }
            }
        }
        return null;
    }

    private static String name(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').strip();
        return t.isEmpty() || t.length() > MAX_NAME_CHARS || NOT_A_NAME.matcher(t).find() ? null : t;
    }
}

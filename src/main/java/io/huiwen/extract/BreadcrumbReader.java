package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Reads the page's own "you are here" trail: {@code 当前位置:首页 > 财经 >} → [首页, 财经], from an
 * element named or labelled for it ({@code <nav aria-label="breadcrumb">}, class crumb/location)
 * or from a 当前位置 line. JSON-LD BreadcrumbList is read by MetadataReader and wins over both.
 */
final class BreadcrumbReader {
    private static final Pattern PREFIX = Pattern.compile("^\\s*(?:当前位置|您的位置|你的位置|所在位置|位置)\\s*[:：]\\s*");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:>|＞|»|›|/|→|>>|\\|)\\s*");
    private static final int MAX_PART_CHARS = 20;

    private BreadcrumbReader() {}

    /** True for a line that starts with 当前位置: and friends. */
    static boolean isBreadcrumbLine(String line) {
        return line != null && PREFIX.matcher(line.replace('\u00a0', ' ')).find();
    }

    /** The parts of a breadcrumb line, with or without the 当前位置 prefix. */
    static List<String> parseLine(String line) {
        String s = PREFIX.matcher(line.replace('\u00a0', ' ').replace('\u3000', ' ')).replaceFirst("");
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATOR.split(s)) {
            String p = part.strip();
            if (!p.isEmpty() && p.length() <= MAX_PART_CHARS) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** The breadcrumb of an HTML page: a breadcrumb-classed element's links, or a 当前位置 line. */
    static List<String> read(Document doc) {
        for (Element e : doc.getAllElements()) {
            if ((e.hasAttr("class") || e.hasAttr("id") || e.hasAttr("aria-label")) && isNamedForIt(e)) {
                List<String> parts = fromElement(e);
                if (parts.size() >= 2) {
                    return parts;
                }
            }
        }
        // A 当前位置 line: only text nodes that contain 位置 are looked at closely.
        List<Element> holders = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t && t.getWholeText().contains("位置") && PREFIX.matcher(t.text()).find()
                    && node.parent() instanceof Element parent) {
                holders.add(parent);
            }
        }, doc);
        for (Element e : holders) {
            Element holder = e.parent() != null && e.text().length() < 8 ? e.parent() : e;
            List<String> parts = parseLine(holder.text());
            if (!parts.isEmpty() && parts.size() <= 8) {
                return parts;
            }
        }
        return List.of();
    }

    private static boolean isNamedForIt(Element e) {
        String names = (e.className() + " " + e.id() + " " + e.attr("aria-label")).toLowerCase(java.util.Locale.ROOT);
        return names.contains("crumb") || names.contains("location") || names.contains("position")
                || names.contains("面包屑") || names.contains("当前位置");
    }

    private static List<String> fromElement(Element e) {
        String text = e.text();
        if (text.length() > 200) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (Element a : e.select("a")) {
            String t = PREFIX.matcher(a.text()).replaceFirst("").strip();
            if (!t.isEmpty() && t.length() <= MAX_PART_CHARS) {
                parts.add(t);
            }
        }
        if (parts.isEmpty()) {
            return parseLine(text);
        }
        return parts.size() <= 8 ? parts : List.of();
    }
}

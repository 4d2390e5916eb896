package io.huiwen.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text and link statistics of every element under a root, computed bottom-up in one iterative
 * pass (no recursion, so 5000-level nesting is fine). Text density and link density are the two
 * signals that separate an article body from navigation and lists.
 */
final class ContentDensity {
    static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "main", "td", "th", "tr", "table", "tbody", "thead", "ul", "ol", "li",
            "dl", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
            "header", "footer", "aside", "nav", "form", "center", "address", "body");

    /** Per-element counts: characters (no whitespace), characters inside links, tags, links, punctuation, and characters not inside a child block. */
    static final class Stats {
        int chars;
        int linkChars;
        int tags;
        int links;
        int punctuation;
        int inlineChars;
        /** Unlinked characters of the paragraph-like blocks under this element: where the prose is. */
        int prose;
        private int blockChildChars;
        private int blockChildLinkChars;

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private static final int MIN_PROSE_CHARS = 30;

    private final Map<Element, Stats> stats = new IdentityHashMap<>();

    ContentDensity(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    stats.put(e, new Stats());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t && node.parent() instanceof Element parent) {
                    addText(parent, t.getWholeText());
                } else if (node instanceof Element e) {
                    finish(e);
                }
            }
        }, root);
    }

    Stats of(Element e) {
        Stats s = stats.get(e);
        return s == null ? new Stats() : s;
    }

    private void addText(Element parent, String text) {
        Stats s = stats.get(parent);
        if (s == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u3000') {
                s.chars++;
                if (isPunctuation(c) && (c > 0x7f || i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                    s.punctuation++; // "3.14", "a.b@c.de", "https://" are not sentences: Latin punctuation ends a clause before a space
                }
            }
        }
    }

    private void finish(Element e) {
        Stats s = stats.get(e);
        s.tags++;
        if (e.nameIs("a")) {
            s.links++;
            s.linkChars = s.chars;
        }
        s.inlineChars = s.chars - s.blockChildChars;
        int inlineLinkChars = s.linkChars - s.blockChildLinkChars;
        if (s.inlineChars >= MIN_PROSE_CHARS && inlineLinkChars * 2 < s.inlineChars && !e.nameIs("a")) {
            s.prose += s.inlineChars - inlineLinkChars;
        }
        Element parent = e.parent();
        Stats p = parent == null ? null : stats.get(parent);
        if (p != null) {
            p.chars += s.chars;
            p.linkChars += s.linkChars;
            p.tags += s.tags;
            p.links += s.links;
            p.punctuation += s.punctuation;
            p.prose += s.prose;
            if (BLOCK_TAGS.contains(e.normalName())) {
                p.blockChildChars += s.chars;
                p.blockChildLinkChars += s.linkChars;
            }
        }
    }

    static boolean isPunctuation(char c) {
        return "，。、；：！？,.;:!?“”\"".indexOf(c) >= 0;
    }
}

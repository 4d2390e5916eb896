package io.huiwen.collect;

import org.jsoup.nodes.Element;

/** The page-structure signal: article links sit in lists, each item shaped like its siblings. */
final class ListShape {

    private static final int LEVELS = 4;
    private static final int MIN_ITEMS = 3;

    private ListShape() {}

    /**
     * True when the link, or one of its nearest ancestors, has at least two siblings of the same
     * tag that also hold a link: the rows of a news list, not a lone link in running text.
     */
    static boolean repeatsWithSiblings(Element a) {
        Element item = a;
        for (int level = 0; level < LEVELS; level++) {
            Element parent = item.parent();
            if (parent == null || parent.nameIs("body") || parent.nameIs("html")) {
                return false;
            }
            int alike = 0;
            for (Element sibling : parent.children()) {
                if (sibling.normalName().equals(item.normalName()) && holdsLink(sibling) && ++alike >= MIN_ITEMS) {
                    return true;
                }
            }
            item = parent;
        }
        return false;
    }

    private static boolean holdsLink(Element e) {
        return e.nameIs("a") && e.hasAttr("href") || e.selectFirst("a[href]") != null;
    }
}

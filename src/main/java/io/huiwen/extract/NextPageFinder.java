package io.huiwen.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Further pages of a multi-page article, only when obvious: a 下一页 link, or the page's own URL with _2 or ?page=2. */
final class NextPageFinder {
    private static final Pattern NEXT_TEXT = Pattern.compile("^(下一页|下页|下一頁|next page|next ›|next »)$", Pattern.CASE_INSENSITIVE);

    private NextPageFinder() {}

    private static boolean isNextLink(Element a) {
        int children = 0; // counted by hand: childrenSize() builds jsoup's child list for every link on the page
        for (int i = 0, n = a.childNodeSize(); i < n; i++) {
            if (a.childNode(i) instanceof Element && ++children > 2) {
                return false;
            }
        }
        String text = a.text().strip();
        return text.length() <= 12 && NEXT_TEXT.matcher(text).matches();
    }

    static List<String> find(Document doc, String pageUrl) {
        Set<String> pages = new LinkedHashSet<>();
        String stem = pageUrl == null ? null : pageUrl.replaceAll("(\\.[a-z]+)?([?#].*)?$", "");
        Pattern numberedPage = stem == null ? null
                : Pattern.compile(Pattern.quote(stem) + "_2\\.[a-z]+|" + Pattern.quote(pageUrl) + "[?&]page=2");
        for (Element a : doc.getElementsByTag("a")) {
            String raw = a.attr("href");
            // Cheap tests first: resolving every link of a portal page to an absolute URL is costly.
            boolean maybeNumbered = numberedPage != null && (raw.contains("_2.") || raw.contains("page=2"));
            if (raw.isEmpty() || !maybeNumbered && !isNextLink(a)) {
                continue;
            }
            String href = a.absUrl("href");
            if (!href.startsWith("http") || href.equals(pageUrl)) {
                continue;
            }
            if (!maybeNumbered || numberedPage.matcher(href).matches() || isNextLink(a)) {
                pages.add(href);
            }
        }
        return new ArrayList<>(pages);
    }
}

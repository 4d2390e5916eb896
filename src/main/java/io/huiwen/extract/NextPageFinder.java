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

    static List<String> find(Document doc, String pageUrl) {
        Set<String> pages = new LinkedHashSet<>();
        String stem = pageUrl == null ? null : pageUrl.replaceAll("(\\.[a-z]+)?([?#].*)?$", "");
        Pattern numberedPage = stem == null ? null
                : Pattern.compile(Pattern.quote(stem) + "_2\\.[a-z]+|" + Pattern.quote(pageUrl) + "[?&]page=2");
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            if (!href.startsWith("http") || href.equals(pageUrl)) {
                continue;
            }
            String text = a.text().strip();
            boolean next = NEXT_TEXT.matcher(text).matches();
            boolean numbered = numberedPage != null && numberedPage.matcher(href).matches();
            if (next || numbered) {
                pages.add(href);
            }
        }
        return new ArrayList<>(pages);
    }
}

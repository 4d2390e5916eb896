package io.huiwen.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one allow-list for article body HTML: structure, figures, http(s) images and links (nofollow),
 * simple emphasis. Scripts, styles, event handlers and every other element or attribute are dropped.
 */
public final class BodySanitizer {
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote",
                    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
                    "img", "a", "strong", "em", "b", "i", "br")
            .allowUrlProtocols("http", "https")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("href").onElements("a")
            .requireRelNofollowOnLinks()
            .toFactory();

    private BodySanitizer() {}

    /** Sanitizes, then lets jsoup re-serialize so text stays readable UTF-8 rather than numeric entities. */
    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(POLICY.sanitize(html));
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }
}

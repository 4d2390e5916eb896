package io.huiwen.collect;

import crawlercommons.domains.EffectiveTldFinder;
import io.huiwen.collect.ArticleLinkShape.UrlEvidence;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Finds article links on a section page that has no feed. With a CSS selector only links inside
 * the selected elements count; without one, links in page chrome (nav, header, footer, sidebars)
 * and pagers are dropped and the rest kept when their URL and text look like an article's.
 */
public final class ListPageReader {

    /**
     * How to read one list page. {@code cssSelector} (may be null) picks the elements holding the
     * article links; {@code include} and {@code exclude} (may be null) are found in the absolute URL,
     * and without a selector an include match stands in for the URL and headline tests (links in
     * page chrome and pagers are still dropped).
     */
    public record ListPageRules(String cssSelector, Pattern include, Pattern exclude, int maxItems) {
        public ListPageRules {
            if (cssSelector != null && cssSelector.isBlank()) {
                cssSelector = null;
            }
            if (cssSelector != null) {
                try {
                    QueryParser.parse(cssSelector); // refuse a broken selector when the rules are made, not on every poll
                } catch (Selector.SelectorParseException e) {
                    throw new IllegalArgumentException("not a CSS selector: " + cssSelector + " (" + e.getMessage() + ")");
                }
            }
            if (maxItems < 0) {
                throw new IllegalArgumentException("maxItems must not be negative: " + maxItems);
            }
        }

        /** No selector and no patterns: the page's links are judged by their shape alone. */
        public static ListPageRules byShape(int maxItems) {
            return new ListPageRules(null, null, null, maxItems);
        }
    }

    private static final Set<String> CHROME_NAMES = Set.of("nav", "navbar", "navigation", "menu", "header", "footer",
            "foot", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "sidebar", "side", "aside", "copyright",
            "pagination", "pager", "paging", "topbar");
    private static final Set<String> CHROME_ROLES = Set.of("navigation", "banner", "contentinfo", "complementary",
            "menu", "menubar");

    public List<DiscoveredItem> read(String html, URI pageUrl, ListPageRules rules) {
        Document page = Jsoup.parse(html == null ? "" : html, pageUrl.toString());
        boolean bySelector = rules.cssSelector() != null;
        URI self = Hrefs.withoutFragment(pageUrl);
        Map<URI, DiscoveredItem> found = new LinkedHashMap<>();
        for (Element a : bySelector ? linksIn(page.select(rules.cssSelector())) : page.select("a[href]")) {
            String href = a.attr("href").strip();
            URI url = href.startsWith("#") ? null : Hrefs.resolve(pageUrl, href);
            if (url == null) {
                continue;
            }
            url = Hrefs.withoutFragment(url);
            String absolute = url.toString();
            if (url.equals(self) || !sameSite(url, pageUrl) || ArticleLinkShape.isFile(url)
                    || rules.exclude() != null && rules.exclude().matcher(absolute).find()) {
                continue;
            }
            boolean included = rules.include() != null && rules.include().matcher(absolute).find();
            if (rules.include() != null && !included) {
                continue;
            }
            String title = title(a);
            if (!bySelector && !looksLikeArticle(a, url, title, included)) {
                continue;
            }
            DiscoveredItem earlier = found.get(url);
            if (earlier == null || !ArticleLinkShape.isHeadline(earlier.title()) && ArticleLinkShape.isHeadline(title)) {
                // a thumbnail or "阅读全文" link may come first; keep its place, take the headline's text
                found.put(url, new DiscoveredItem(url, title, null, null, null));
            }
        }
        return List.copyOf(new ArrayList<>(found.values()).subList(0, Math.min(rules.maxItems(), found.size())));
    }

    private static boolean looksLikeArticle(Element a, URI url, String title, boolean included) {
        if (inPageChrome(a) || ArticleLinkShape.isPager(a.text())) {
            return false;
        }
        if (included) {
            return true;
        }
        UrlEvidence evidence = ArticleLinkShape.of(url);
        boolean headline = ArticleLinkShape.isHeadline(title);
        return switch (evidence) {
            case HUB -> false;
            case STRONG -> headline || ListShape.repeatsWithSiblings(a) && !ArticleLinkShape.isLabel(title);
            case WEAK -> headline;
            case NONE -> headline && ListShape.repeatsWithSiblings(a) && url.getRawPath().length() > 1;
        };
    }

    private static List<Element> linksIn(Elements roots) {
        List<Element> links = new ArrayList<>();
        for (Element root : roots) {
            if (root.nameIs("a") && root.hasAttr("href")) {
                links.add(root);
            }
            links.addAll(root.select("a[href]").stream().filter(a -> a != root).toList());
        }
        return links;
    }

    /** The headline among link text, title attribute and image alt; else the first one present. */
    private static String title(Element a) {
        Element img = a.selectFirst("img[alt]");
        String[] candidates = {a.text(), a.attr("title"), img == null ? "" : img.attr("alt")};
        String fallback = null;
        for (String candidate : candidates) {
            String text = FeedReader.plainText(candidate);
            if (ArticleLinkShape.isHeadline(text)) {
                return text;
            }
            fallback = fallback == null ? text : fallback;
        }
        return fallback;
    }

    private static boolean inPageChrome(Element a) {
        for (Element e = a.parent(); e != null && !e.nameIs("body"); e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("aside")
                    || (tag.equals("header") || tag.equals("footer")) && e.closest("article") == null
                    || CHROME_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
                    || chromeName(e.className()) || chromeName(e.id())) {
                return true;
            }
        }
        return false;
    }

    private static boolean chromeName(String classOrId) {
        if (classOrId.isEmpty()) {
            return false;
        }
        for (String token : classOrId.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (CHROME_NAMES.contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Same host, or hosts under one registrable domain (news.example.cn and finance.example.cn). */
    static boolean sameSite(URI link, URI page) {
        String a = link.getHost().toLowerCase(Locale.ROOT);
        String b = page.getHost() == null ? "" : page.getHost().toLowerCase(Locale.ROOT);
        if (a.equals(b)) {
            return true;
        }
        String domain = EffectiveTldFinder.getAssignedDomain(a, true, false);
        return domain != null && domain.equals(EffectiveTldFinder.getAssignedDomain(b, true, false));
    }
}

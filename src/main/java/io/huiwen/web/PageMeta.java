package io.huiwen.web;

import io.huiwen.article.Article;
import io.huiwen.extract.ExtractedArticle;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a page says of itself in its {@code <head>}: its canonical address, the feeds it advertises
 * ({@code <link rel="alternate">}), the category the navigation marks as current, and for an
 * article its Open Graph properties and a JSON-LD {@code NewsArticle}. Addresses are absolute,
 * on {@link SiteChrome#baseUrl()}.
 *
 * @param canonical       absolute address of this page; null where a page has none (errors, admin)
 * @param feeds           the feeds to advertise
 * @param currentCategory the slug the navigation marks {@code aria-current="page"}; null for none
 * @param openGraph       {@code <meta property content>} pairs, in order
 * @param jsonLd          a JSON-LD object, already safe inside {@code <script>}; null for none
 */
public record PageMeta(String canonical, List<Feed> feeds, String currentCategory, List<Property> openGraph, String jsonLd) {

    /** A feed a page advertises; {@code type} its media type (RSS or Atom). */
    public record Feed(String title, String href, String type) {

        static final String RSS = "application/rss+xml";
        static final String ATOM = "application/atom+xml";

        Feed(String title, String href) {
            this(title, href, RSS);
        }
    }

    public record Property(String property, String content) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static PageMeta none() {
        return new PageMeta(null, List.of(), null, List.of(), null);
    }

    public static PageMeta home(SiteChrome site) {
        return new PageMeta(site.baseUrl() + "/", siteFeeds(site), null, List.of(), null);
    }

    /** A category or tag list; page 2 and on are pages of their own (their own canonical address). */
    public static PageMeta listing(SiteChrome site, Views.Listing listing) {
        String path = listing.category() != null ? "/c/" + Display.url(listing.category().slug())
                : "/t/" + Display.url(listing.path().substring("/t/".length()));
        int page = listing.page().page();
        String canonical = site.baseUrl() + path + (page > 1 ? "?page=" + page : "");
        if (listing.category() == null) {
            return new PageMeta(canonical, siteFeeds(site), null, List.of(), null);
        }
        List<Feed> feeds = new ArrayList<>();
        feeds.add(new Feed(site.siteName() + " · " + listing.category().name(), path + "/feed.xml"));
        feeds.addAll(siteFeeds(site));
        return new PageMeta(canonical, feeds, listing.category().slug(), List.of(), null);
    }

    public static PageMeta article(SiteChrome site, Article a) {
        String canonical = site.baseUrl() + "/a/" + a.id();
        String image = image(site, a);
        List<Property> og = new ArrayList<>();
        og.add(new Property("og:type", "article"));
        og.add(new Property("og:title", a.title()));
        if (a.excerpt() != null && !a.excerpt().isBlank()) {
            og.add(new Property("og:description", a.excerpt()));
        }
        og.add(new Property("og:url", canonical));
        og.add(new Property("og:site_name", site.siteName()));
        og.add(new Property("og:locale", "zh_CN"));
        if (image != null) {
            og.add(new Property("og:image", image));
        }
        if (a.publishTime() != null) {
            og.add(new Property("article:published_time", Display.iso(a.publishTime(), a.dateOnly())));
        }
        if (a.category() != null) {
            og.add(new Property("article:section", a.category().name()));
        }
        List<Feed> feeds = new ArrayList<>();
        if (a.category() != null) {
            feeds.add(new Feed(site.siteName() + " · " + a.category().name(), "/c/" + Display.url(a.category().slug()) + "/feed.xml"));
        }
        feeds.addAll(siteFeeds(site));
        return new PageMeta(canonical, feeds, a.category() == null ? null : a.category().slug(), og,
                newsArticle(site, a, canonical, image));
    }

    /** The whole site's feeds: RSS and Atom. */
    private static List<Feed> siteFeeds(SiteChrome site) {
        return List.of(new Feed(site.siteName(), "/feed.xml"), new Feed(site.siteName() + " (Atom)", "/atom.xml", Feed.ATOM));
    }

    /** The first picture the article has, as Huiwen serves it (see {@link ImageProxy}). */
    private static String image(SiteChrome site, Article a) {
        List<ExtractedArticle.Image> images = a.images() == null ? List.of() : a.images();
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).src() != null) {
                return site.baseUrl() + "/img/" + a.id() + "/" + i;
            }
        }
        return null;
    }

    /** schema.org NewsArticle; a date only when known, the outlet as publisher (and as author when no person is named). */
    static String newsArticle(SiteChrome site, Article a, String canonical, String image) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.title());
        if (a.excerpt() != null && !a.excerpt().isBlank()) {
            ld.put("description", a.excerpt());
        }
        if (a.publishTime() != null) {
            ld.put("datePublished", Display.iso(a.publishTime(), a.dateOnly())); // a date-only page: the date, not its midnight
        }
        OffsetDateTime modified = a.publishTime() != null && (a.collectedAt() == null || a.publishTime().isAfter(a.collectedAt()))
                ? a.publishTime() : a.collectedAt();
        if (modified != null) {
            ld.put("dateModified", iso(modified));
        }
        String outlet = a.source() != null && !a.source().isBlank() ? a.source() : site.siteName();
        ld.put("author", a.author() != null && !a.author().isBlank()
                ? Map.of("@type", "Person", "name", a.author())
                : Map.of("@type", "Organization", "name", outlet));
        ld.put("publisher", Map.of("@type", "Organization", "name", outlet));
        if (image != null) {
            ld.put("image", List.of(image));
        }
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical));
        ld.put("url", canonical);
        ld.put("inLanguage", "zh-CN");
        if (a.category() != null) {
            ld.put("articleSection", a.category().name());
        }
        return scriptSafe(JSON.writeValueAsString(ld));
    }

    /**
     * JSON that cannot end or open anything inside {@code <script>}: {@code <}, {@code >} and {@code &}
     * (only ever inside strings) become {@code \\u} escapes, as do the line separators JavaScript reads as line ends.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** ISO 8601 to the second, with the offset: what Open Graph and schema.org read. */
    static String iso(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}

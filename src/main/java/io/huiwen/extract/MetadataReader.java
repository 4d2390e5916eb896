package io.huiwen.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** What a page says about itself in its head: JSON-LD, OpenGraph, {@code <meta>} and {@code <title>}. */
final class MetadataReader {
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle");
    private static final List<String> DATE_METAS = List.of(
            "article:published_time", "og:article:published_time", "publishdate", "pubdate", "PubDate",
            "publish_date", "publishtime", "published_time", "datePublished", "date", "dc.date", "DC.date.issued",
            "sailthru.date", "parsely-pub-date", "og:release_date", "weibo:article:create_at", "dateUpdate");

    private static final Set<String> DATE_KEYS = Set.of("datepublished", "publisheddate", "publishdate", "pubdate",
            "publishedat", "publishtime", "datecreated", "uploaddate");

    /** Head metadata; any field may be null. */
    record PageMetadata(String headline, String ogTitle, String titleTag, String published, String author,
            String publisher, String url, List<String> breadcrumb, String lang, String source) {}

    private MetadataReader() {}

    static PageMetadata read(Document doc) {
        String headline = null;
        String published = null;
        String author = null;
        String publisher = null;
        List<String> breadcrumb = List.of();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            List<Map<String, Object>> objects = new ArrayList<>();
            collect(JsonText.parse(script.data().strip()), objects, 0);
            for (Map<String, Object> o : objects) {
                Object type = o.get("@type");
                if (hasType(type, ARTICLE_TYPES)) {
                    headline = headline == null ? string(o.get("headline")) : headline;
                    published = published == null ? datePublished(o) : published;
                    author = author == null ? name(o.get("author")) : author;
                    publisher = publisher == null ? name(o.get("publisher")) : publisher;
                } else if (hasType(type, Set.of("BreadcrumbList")) && breadcrumb.isEmpty()) {
                    breadcrumb = crumbs(o.get("itemListElement"));
                }
            }
        }
        Elements metas = metaTags(doc); // once: each lookup below would walk the whole page again
        if (published == null) {
            published = firstMeta(metas, DATE_METAS);
        }
        if (published == null) {
            published = anyDatePublished(doc);
        }
        if (published == null) {
            // the first <time> that dates this page, not one in a list of other articles or in readers' comments
            Element time = doc.select("time[datetime]").stream().filter(t -> !PublishDateFinder.datesAnother(t))
                    .findFirst().orElse(null);
            published = time == null ? null : time.attr("datetime");
        }
        if (author == null) {
            author = firstMeta(metas, List.of("author", "article:author", "dc.creator"));
            author = author != null && author.startsWith("http") ? null : author;
        }
        String url = firstMeta(metas, List.of("og:url"));
        if (url == null) {
            Element canonical = doc.selectFirst("link[rel=canonical][href]");
            url = canonical == null ? null : canonical.attr("href");
        }
        Element title = doc.selectFirst("title");
        Element html = doc.selectFirst("html");
        return new PageMetadata(headline, firstMeta(metas, List.of("og:title", "twitter:title")),
                title == null ? null : title.text(), published, author, publisher, blankToNull(url), breadcrumb,
                html == null ? null : blankToNull(html.attr("lang")), source(metas));
    }

    /**
     * The publish date of a structured-data object, under its schema.org name or the names sites write
     * instead (datepublished, publishedDate, date_published, pubDate, dateCreated).
     */
    private static String datePublished(Map<String, Object> o) {
        String exact = string(o.get("datePublished"));
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Object> e : o.entrySet()) {
            String key = e.getKey().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
            if (DATE_KEYS.contains(key) && string(e.getValue()) != null) {
                return string(e.getValue());
            }
        }
        return null;
    }

    /** A page typed WebPage or untyped still dates itself in its structured data when no article object does. */
    private static String anyDatePublished(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            List<Map<String, Object>> objects = new ArrayList<>();
            collect(JsonText.parse(script.data().strip()), objects, 0);
            for (Map<String, Object> o : objects) {
                if (!hasType(o.get("@type"), Set.of("BreadcrumbList", "Organization", "Person", "WebSite", "ImageObject"))) {
                    String d = datePublished(o);
                    if (d != null) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    /** {@code <meta name="source" content="来源：人民网-文化频道">}, or the outlet id some portals give (mediaid). */
    private static String source(Elements metas) {
        String s = firstMeta(metas, List.of("source", "mediaid", "og:article:source", "article:source"));
        return s == null || s.startsWith("http") ? null : blankToNull(s.replaceFirst("^\\s*(来源|来自|source)\\s*[:：]", ""));
    }

    private static Elements metaTags(Document doc) {
        return doc.head() != null && !doc.head().getElementsByTag("meta").isEmpty()
                ? doc.select("meta[content]") : doc.getElementsByTag("meta");
    }

    /** Content of the first meta tag with one of these names or properties, in the order given. */
    private static String firstMeta(Elements metas, List<String> names) {
        for (String name : names) {
            for (Element meta : metas) {
                if (name.equalsIgnoreCase(meta.attr("property")) || name.equalsIgnoreCase(meta.attr("name"))
                        || name.equalsIgnoreCase(meta.attr("itemprop"))) {
                    String v = blankToNull(meta.attr("content"));
                    if (v != null) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object value, List<Map<String, Object>> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.add((Map<String, Object>) map);
            collect(map.get("@graph"), out, depth + 1);
            collect(map.get("mainEntity"), out, depth + 1);
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                collect(o, out, depth + 1);
            }
        }
    }

    private static boolean hasType(Object type, Set<String> wanted) {
        if (type instanceof String s) {
            return wanted.contains(s);
        }
        return type instanceof List<?> list && list.stream().anyMatch(t -> t instanceof String s && wanted.contains(s));
    }

    private static List<String> crumbs(Object items) {
        List<String> out = new ArrayList<>();
        if (items instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    String n = string(m.get("name"));
                    if (n == null && m.get("item") instanceof Map<?, ?> item) {
                        n = string(item.get("name"));
                    }
                    if (n != null) {
                        out.add(n);
                    }
                }
            }
        }
        return out;
    }

    private static String name(Object value) {
        if (value instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object o : list) {
                String n = name(o);
                if (n != null) {
                    names.add(n);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        if (value instanceof Map<?, ?> map) {
            return string(map.get("name"));
        }
        return string(value);
    }

    private static String string(Object value) {
        return value instanceof String s ? blankToNull(org.jsoup.parser.Parser.unescapeEntities(s, false)) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package io.huiwen.collect;

import crawlercommons.mimetypes.MimeTypeDetector;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads XML, text and gzipped sitemaps through crawler-commons: a urlset gives articles (Google
 * News titles and dates when present), a sitemap index gives the child sitemaps to fetch next.
 * DOCTYPEs are refused; gzip is inflated here, counted, so a small bomb cannot fill the heap.
 */
public final class SitemapReader {

    /** What a sitemap lists: article links, newest first when dated, and child sitemaps (an index). */
    public record Sitemap(List<DiscoveredItem> articles, List<URI> childSitemaps) {}

    private final int maxUncompressedBytes;

    /** Allows the sitemaps protocol's own limit for one sitemap: 50 MB uncompressed. */
    public SitemapReader() {
        this(SiteMapParser.MAX_BYTES_ALLOWED);
    }

    SitemapReader(int maxUncompressedBytes) {
        this.maxUncompressedBytes = maxUncompressedBytes;
    }

    public Sitemap read(byte[] body, URI url, String contentType, int maxItems) throws FetchFailure {
        byte[] content = body != null && isGzip(body) ? gunzip(body) : body;
        String head = FeedReader.head(content);
        if (head.isEmpty()) {
            throw FeedReader.bad("empty sitemap");
        }
        if (FeedReader.isHtml(head)) {
            throw FeedReader.bad("an HTML page, not a sitemap");
        }
        AbstractSiteMap parsed;
        try {
            parsed = parser().parseSiteMap(mediaType(contentType, content), content, url.toURL());
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            throw FeedReader.bad("not a readable sitemap: " + rootMessage(e));
        }
        if (parsed instanceof SiteMapIndex index) {
            Set<URI> children = new LinkedHashSet<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI childUrl = Hrefs.resolve(url, child.getUrl().toString());
                if (childUrl != null && children.size() < maxItems) {
                    children.add(childUrl);
                }
            }
            return new Sitemap(List.of(), List.copyOf(children));
        }
        List<DiscoveredItem> articles = new ArrayList<>();
        Set<URI> seen = new LinkedHashSet<>();
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            URI link = Hrefs.resolve(url, entry.getUrl().toString());
            if (link != null && seen.add(link)) {
                articles.add(article(link, entry));
            }
        }
        // a news aggregator wants the newest when it must cut; undated entries keep their order, last
        articles.sort(Comparator.comparing(DiscoveredItem::freshness, Comparator.nullsLast(Comparator.reverseOrder())));
        return new Sitemap(List.copyOf(articles.subList(0, Math.min(Math.max(maxItems, 0), articles.size()))), List.of());
    }

    /** The sitemaps a robots.txt announces on its {@code Sitemap:} lines, resolved against {@code base}. */
    public static List<URI> sitemapsInRobots(String robotsTxt, URI base) {
        if (robotsTxt == null || robotsTxt.isBlank()) {
            return List.of();
        }
        SimpleRobotRules rules = new SimpleRobotRulesParser().parseContent(base.resolve("/robots.txt").toString(),
                robotsTxt.getBytes(StandardCharsets.UTF_8), "text/plain", List.of("huiwen"));
        Set<URI> sitemaps = new LinkedHashSet<>();
        for (String sitemap : rules.getSitemaps()) {
            URI resolved = Hrefs.resolve(base, sitemap);
            if (resolved != null) {
                sitemaps.add(resolved);
            }
        }
        return List.copyOf(sitemaps);
    }

    private static SiteMapParser parser() {
        SiteMapParser parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        return parser;
    }

    /**
     * A {@code <lastmod>} is when the entry last changed (sites set every entry's to today when
     * they rebuild the sitemap): it orders the links, and only a news sitemap's publication date is
     * taken as the article's date.
     */
    private static DiscoveredItem article(URI link, SiteMapURL entry) {
        Instant lastModified = entry.getLastModified() == null ? null : entry.getLastModified().toInstant();
        Instant published = null;
        String title = null;
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
            title = FeedReader.plainText(attributes.getTitle());
            if (attributes.getPublicationDateTime() != null) {
                published = attributes.getPublicationDateTime().toInstant();
            }
        }
        return new DiscoveredItem(link, title, published, null, null, lastModified);
    }

    /** What the content looks like (servers often send XML as text/plain), else the declared bare type. */
    private static String mediaType(String contentType, byte[] content) {
        String sniffed = new MimeTypeDetector().detect(content);
        if (sniffed != null || contentType == null) {
            return sniffed == null ? "" : sniffed;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        // the body is already inflated; a gzip type would make crawler-commons inflate it again
        return type.contains("gzip") || type.equals("application/octet-stream") ? "" : type;
    }

    private static boolean isGzip(byte[] body) {
        return body.length > 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
    }

    private byte[] gunzip(byte[] body) throws FetchFailure {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > maxUncompressedBytes) {
                    throw FeedReader.bad("sitemap larger than " + maxUncompressedBytes + " bytes when uncompressed");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw FeedReader.bad("broken gzip: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}

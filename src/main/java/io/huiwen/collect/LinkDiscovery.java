package io.huiwen.collect;

import io.huiwen.article.Source;
import io.huiwen.extract.ArticleExtractor;
import io.huiwen.extract.ExtractionException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The article links of a source's listing, by its type: feed items, sitemap URLs (following a
 * sitemap index, and robots.txt when only a site is given), article-looking links of a list
 * page, or the page itself.
 */
@Component
class LinkDiscovery {

    /** Child sitemaps (or robots.txt sitemaps) read per poll at most. */
    static final int MAX_SITEMAPS = 5;

    private final PoliteFetcher fetcher;
    private final CollectProperties properties;
    private final FeedReader feeds = new FeedReader();
    private final SitemapReader sitemaps = new SitemapReader();
    private final ListPageReader lists = new ListPageReader();

    LinkDiscovery(PoliteFetcher fetcher, CollectProperties properties) {
        this.fetcher = fetcher;
        this.properties = properties;
    }

    /** @param listing the fetched source URL; null for a site given alone (a sitemap source at a site's root) */
    List<DiscoveredItem> items(Source source, FetchResponse listing) throws FetchFailure {
        int max = properties.maxFeedItems();
        return switch (source.type()) {
            case FEED -> feeds.read(listing.body(), listing.url(), max).items();
            case SITEMAP -> listing == null ? fromRobots(URI.create(source.url()), max) : fromSitemap(listing, max);
            case LIST -> lists.read(text(listing, source), listing.url(), new ListPageReader.ListPageRules(source.cssSelector(),
                    pattern(source.includePattern()), pattern(source.excludePattern()), max));
            case PAGE -> List.of(DiscoveredItem.link(listing.url()));
        };
    }

    private List<DiscoveredItem> fromSitemap(FetchResponse response, int max) throws FetchFailure {
        SitemapReader.Sitemap map = sitemaps.read(response.body(), response.url(), response.contentType(), max);
        List<DiscoveredItem> items = new ArrayList<>(map.articles());
        for (URI child : map.childSitemaps().stream().limit(MAX_SITEMAPS).toList()) {
            FetchResponse r = fetcher.fetch(FetchRequest.of(child));
            items.addAll(sitemaps.read(r.body(), r.url(), r.contentType(), max).articles());
        }
        return items.size() > max ? items.subList(0, max) : items;
    }

    private List<DiscoveredItem> fromRobots(URI site, int max) throws FetchFailure {
        FetchResponse robots = fetcher.fetch(FetchRequest.of(site.resolve("/robots.txt")));
        List<DiscoveredItem> items = new ArrayList<>();
        for (URI map : SitemapReader.sitemapsInRobots(new String(robots.body(), StandardCharsets.UTF_8), site).stream().limit(MAX_SITEMAPS).toList()) {
            items.addAll(fromSitemap(fetcher.fetch(FetchRequest.of(map)), max));
        }
        if (items.isEmpty()) {
            throw new FetchFailure(FetchFailureReason.BAD_FEED, "no sitemap listed in " + site.resolve("/robots.txt"));
        }
        return items.size() > max ? items.subList(0, max) : items;
    }

    static boolean isSiteRoot(URI url) {
        return url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/");
    }

    private static String text(FetchResponse r, Source s) throws FetchFailure {
        try {
            return ArticleExtractor.decode(r.body(), r.url().toString(), s.charset() != null ? "text/html; charset=" + s.charset() : r.contentType());
        } catch (ExtractionException e) {
            throw new FetchFailure(reason(e), e.getMessage() + ": " + r.url());
        }
    }

    /** The typed reason a list page could not be read as text; only a page over the size cap is too large. */
    static FetchFailureReason reason(ExtractionException e) {
        return e.unreadable().map(problem -> switch (problem) {
            case EMPTY -> FetchFailureReason.EMPTY_RESPONSE;
            case BINARY -> FetchFailureReason.NOT_TEXT;
            case TOO_LARGE -> FetchFailureReason.TOO_LARGE;
            case BROKEN_GZIP -> FetchFailureReason.BROKEN_COMPRESSION;
        }).orElse(FetchFailureReason.IO_ERROR);
    }

    private static Pattern pattern(String regex) {
        return regex == null || regex.isBlank() ? null : Pattern.compile(regex);
    }
}

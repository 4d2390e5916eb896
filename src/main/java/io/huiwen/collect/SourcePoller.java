package io.huiwen.collect;

import io.huiwen.article.ArticleRepository;
import io.huiwen.article.RawPages;
import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.extract.ExtractionException;
import io.huiwen.ingest.FeedEntry;
import io.huiwen.ingest.FetchedPage;
import io.huiwen.ingest.Ingest;
import io.huiwen.ingest.UrlCanonicalizer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One poll of one source: fetch its feed, sitemap or list page (conditionally), find the article
 * links, fetch each new article and hand it to ingest with what the feed said about it. Never throws: the outcome is recorded on
 * the source (last poll, error streak, typed last error) and returned.
 */
@Component
public class SourcePoller {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);
    /** New articles taken from one poll at most; the rest wait for the next poll. */
    static final int MAX_NEW_PER_POLL = 50;

    /** What a poll did. {@code error} is null when the source itself could be read. */
    public record PollResult(long sourceId, int found, int stored, int duplicates, int failed, boolean unchanged,
                             String error, String message) {}

    private final PoliteFetcher fetcher;
    private final LinkDiscovery discovery;
    private final Ingest ingest;
    private final ArticleRepository articles;
    private final RawPages rawPages;
    private final SourceRepository sources;
    private final SourceLeases leases;
    private final MeterRegistry metrics;
    private final Clock clock;

    SourcePoller(PoliteFetcher fetcher, LinkDiscovery discovery, Ingest ingest, ArticleRepository articles, RawPages rawPages,
                 SourceRepository sources, SourceLeases leases, MeterRegistry metrics, Clock clock) {
        this.rawPages = rawPages;
        this.fetcher = fetcher;
        this.discovery = discovery;
        this.ingest = ingest;
        this.articles = articles;
        this.sources = sources;
        this.leases = leases;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * An editor's "run now": polls the source at once unless a collector is polling it at this
     * moment (then empty). The lease keeps the scheduler from taking it meanwhile.
     */
    public java.util.Optional<PollResult> runNow(Source source) {
        return leases.take(source.id()).map(lease -> {
            try (lease) {
                return poll(source, lease);
            }
        });
    }

    /** Polls a source this node holds the lease on; the caller gives the lease back. */
    PollResult poll(Source source, SourceLeases.Lease lease) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        Outcome outcome = new Outcome(source.id(), lease, started);
        try {
            // a site given alone is read through the sitemaps its robots.txt lists: its home page is not needed
            boolean siteOnly = source.type() == Source.Type.SITEMAP && LinkDiscovery.isSiteRoot(URI.create(source.url()));
            FetchResponse listing = siteOnly ? null : fetcher.fetch(new FetchRequest(URI.create(source.url()),
                    source.type() == Source.Type.PAGE ? null : source.etag(),
                    source.type() == Source.Type.PAGE ? null : source.lastModified(), source.referer()));
            if (listing != null && listing.notModified()) {
                outcome.success(false, null, null);
                return count(new PollResult(source.id(), 0, 0, 0, 0, true, null, "not modified"));
            }
            List<DiscoveredItem> items = discovery.items(source, listing);
            PollResult result = collect(source, items, listing, lease);
            if (result.found() > 0 && result.failed() == result.found()) {
                outcome.failure(result.error(), result.message(), null);
            } else {
                outcome.success(result.stored() > 0, listing == null ? null : listing.etag(),
                        listing == null ? null : listing.lastModified());
            }
            return count(result);
        } catch (FetchFailure f) {
            outcome.failure(f.reason().code(), f.getMessage(), f.retryAfter());
            return count(new PollResult(source.id(), 0, 0, 0, 0, false, f.reason().code(), f.getMessage()));
        } catch (RuntimeException e) {
            log.warn("polling source {} failed", source.id(), e);
            outcome.failure(FetchFailureReason.IO_ERROR.code(), String.valueOf(e.getMessage()), null);
            return count(new PollResult(source.id(), 0, 0, 0, 0, false, FetchFailureReason.IO_ERROR.code(), String.valueOf(e.getMessage())));
        }
    }

    private PollResult collect(Source source, List<DiscoveredItem> items, FetchResponse listing, SourceLeases.Lease lease) {
        int stored = 0, duplicates = 0, failed = 0;
        String error = null, message = null;
        for (DiscoveredItem item : items) {
            if (stored + failed >= MAX_NEW_PER_POLL || lease.lost()) {
                break; // the rest waits for the next poll, or for the node that took the source over
            }
            URI url = UrlCanonicalizer.canonical(item.url());
            // known by the address it is stored under or the one it was fetched from: a page is fetched once
            if (articles.existsWithUrl(url.toString()) || rawPages.fetchedFrom(url.toString())) {
                duplicates++;
                continue;
            }
            try {
                FetchResponse page = source.type() == Source.Type.PAGE ? listing
                        : fetcher.fetch(new FetchRequest(url, null, null, source.referer()));
                var result = ingest.collected(source, new FetchedPage(page.url(), page.contentType(), page.fetchedAt(), page.body()),
                        new FeedEntry(item.title(), item.published(), item.contentHtml())).stored();
                if (result.duplicate()) {
                    duplicates++;
                } else {
                    stored++;
                }
            } catch (FetchFailure f) {
                failed++;
                error = f.reason().code();
                message = f.getMessage();
            } catch (ExtractionException e) {
                failed++;
                error = FetchFailureReason.NOT_AN_ARTICLE.code();
                message = url + ": " + e.getMessage();
            }
        }
        return new PollResult(source.id(), items.size(), stored, duplicates, failed, false, error, message);
    }

    /** Writes a poll's outcome on its source while this node still holds the lease; otherwise says why not. */
    private final class Outcome {
        private final long sourceId;
        private final SourceLeases.Lease lease;
        private final OffsetDateTime started;

        Outcome(long sourceId, SourceLeases.Lease lease, OffsetDateTime started) {
            this.sourceId = sourceId;
            this.lease = lease;
            this.started = started;
        }

        void success(boolean changed, String etag, String lastModified) {
            kept(sources.recordSuccess(sourceId, lease.owner(), started, changed, etag, lastModified));
        }

        void failure(String reason, String message, Duration retryAfter) {
            kept(sources.recordFailure(sourceId, lease.owner(), started, reason, message, retryAfter));
        }

        private void kept(boolean recorded) {
            if (!recorded) {
                log.warn("source {}: another node took the lease over during this poll; its outcome is left to that node", sourceId);
            }
        }
    }

    private PollResult count(PollResult r) {
        metrics.counter("huiwen.collect.polls", "outcome", r.error() != null ? r.error() : r.unchanged() ? "not_modified" : "ok").increment();
        metrics.counter("huiwen.collect.articles", "outcome", "stored").increment(r.stored());
        metrics.counter("huiwen.collect.articles", "outcome", "duplicate").increment(r.duplicates());
        metrics.counter("huiwen.collect.articles", "outcome", "failed").increment(r.failed());
        return r;
    }
}

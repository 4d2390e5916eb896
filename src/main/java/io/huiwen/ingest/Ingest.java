package io.huiwen.ingest;

import io.huiwen.article.ArticleStore;
import io.huiwen.article.ArticleStore.Prepared;
import io.huiwen.article.ArticleStore.Provenance;
import io.huiwen.article.ArticleStore.RawPage;
import io.huiwen.article.ArticleStore.Stored;
import io.huiwen.article.RawPages;
import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.extract.ExtractedArticle;
import io.huiwen.extract.ExtractionException;
import io.huiwen.text.Enrichment;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Every way a page arrives — polled from a source, imported from a file, re-extracted from its
 * kept raw page, loaded as demo content — goes extract → enrich → store here, so the same bytes
 * with the same provenance always become the same article.
 */
@Service
public class Ingest {

    /** An article taken in, as extracted, and what storing it did. */
    public record Ingested(ExtractedArticle article, Stored stored) {}

    private final PageReader reader = new PageReader();
    private final ArticleStore store;
    private final RawPages raw;
    private final SourceRepository sources;
    private final Clock clock;

    Ingest(ArticleStore store, RawPages raw, SourceRepository sources, Clock clock) {
        this.store = store;
        this.raw = raw;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * A page fetched for a source, with what the source's feed said about it (or {@link FeedEntry#NONE}).
     * It is stored under its canonical URL, its raw page and feed entry kept for re-extraction.
     */
    public Ingested collected(Source source, FetchedPage page, FeedEntry feed) throws ExtractionException {
        ExtractedArticle article = reader.read(page, source.charset(), feed);
        URI canonical = UrlCanonicalizer.canonical(article.url() == null ? page.url() : URI.create(article.url()));
        var kept = new RawPage(page.url().toString(), page.contentType(), page.fetchedAt().atOffset(ZoneOffset.UTC), page.body(),
                feed.title(), feed.published() == null ? null : feed.published().atOffset(ZoneOffset.UTC), feed.contentHtml());
        article = article.withUrl(canonical.toString());
        Stored stored = store.store(article, source.category() == null ? null : source.category().slug(), OffsetDateTime.now(clock),
                new Provenance(source.id(), source.needsReview(), kept));
        return new Ingested(article, stored);
    }

    /** A file (an HTML page or a page dump) given by an editor, into the category given, or null to let the evidence decide. */
    public Ingested imported(byte[] body, String name, String categorySlug) throws ExtractionException {
        return storeImported(List.of(prepareImport(body, name, categorySlug))).get(0);
    }

    /**
     * The first half of {@link #imported}, extract and enrich: thread-safe and without the
     * database's transaction, so that many files can be made ready at once.
     */
    public Prepared prepareImport(byte[] body, String name, String categorySlug) throws ExtractionException {
        return store.prepare(reader.read(body, name, clock.instant()), categorySlug, Provenance.IMPORTED);
    }

    /** The second half: the prepared files stored in order, in one transaction (all or, thrown, none). */
    public List<Ingested> storeImported(List<Prepared> files) {
        List<Stored> stored = store.storeAll(files, OffsetDateTime.now(clock));
        List<Ingested> out = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            out.add(new Ingested(files.get(i).page(), stored.get(i)));
        }
        return out;
    }

    /** An article already extracted (the demo content), taken in at {@code collectedAt}; the evidence decides its category. */
    public Stored given(ExtractedArticle article, OffsetDateTime collectedAt) {
        return store.store(article, null, collectedAt);
    }

    /**
     * The first half of {@link #given}, enrichment and the category's evidence: thread-safe and
     * without the database's transaction; {@link ArticleStore#storeAll} through {@link #storeGiven} is the second.
     */
    public Prepared prepareGiven(ExtractedArticle article) {
        return store.prepare(article, null, Provenance.IMPORTED);
    }

    /** As {@link #prepareGiven(ExtractedArticle)}, with its enrichment (of its title and text) already made. */
    Prepared prepareGiven(ExtractedArticle article, Enrichment enrichment) {
        return store.prepare(article, null, Provenance.IMPORTED, enrichment);
    }

    /** The given articles prepared by {@link #prepareGiven}, stored in order in one transaction. */
    public List<Stored> storeGiven(List<Prepared> articles, OffsetDateTime collectedAt) {
        return store.storeAll(articles, collectedAt);
    }

    /**
     * Extracts a collected article again from its kept raw page, as a poll of the same bytes would
     * now (the source's charset override and the kept feed entry included), and replaces what the
     * last extraction gave; its id, URL, category, story and views stay.
     */
    public void reextract(long articleId) throws ExtractionException {
        reextract(articleId, null);
    }

    /**
     * As {@link #reextract(long)}, at an editor's request: recorded in the audit log as the
     * {@code actor}'s, in the transaction of the change. Fields the editor set by hand stay.
     *
     * @throws IllegalArgumentException when no raw page is kept for the article
     */
    public void reextract(long articleId, String actor) throws ExtractionException {
        if (!raw.kept(articleId)) {
            throw new IllegalArgumentException("no raw page is kept for article " + articleId);
        }
        RawPages.Kept kept = raw.get(articleId);
        String charset = kept.sourceId() == null ? null : sources.findById(kept.sourceId()).map(Source::charset).orElse(null);
        var page = new FetchedPage(URI.create(kept.url()), kept.contentType(), kept.fetchedAt().toInstant(), kept.body());
        var feed = new FeedEntry(kept.feedTitle(), kept.feedPublished() == null ? null : kept.feedPublished().toInstant(), kept.feedHtml());
        store.replaceExtraction(articleId, reader.read(page, charset, feed), actor);
    }
}

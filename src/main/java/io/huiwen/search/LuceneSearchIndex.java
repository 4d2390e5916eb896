package io.huiwen.search;

import io.huiwen.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded search index: one Lucene index under the data directory. Writes go through one
 * {@link IndexWriter}; searches use near-real-time readers refreshed after each write. Each article
 * is indexed three ways: HanLP words (BM25 over title, tags, body, source), Han character pairs
 * (the fallback for unknown names and exact phrases) and pinyin syllables, all over folded text
 * and with offsets in the postings, so highlighting never analyzes a document again.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {

    static final String ID = "id", TITLE = "title", BODY = "body", TAGS = "tags", SOURCE = "source",
            SOURCE_EXACT = "source_exact", HOST = "host", CATEGORY = "category", TIME = "time", STORY = "story",
            TITLE_CJK = "title_cjk", BODY_CJK = "body_cjk", TITLE_PY = "title_py", BODY_PY = "body_py";
    /** Bumped whenever fields or analysis change; an index built by another version is rebuilt from the database. */
    static final String SCHEMA = "4"; // 4: photo captions are indexed with the body
    static final String SCHEMA_KEY = "huiwen.search.schema";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int RELATED_CANDIDATES = 40;
    private static final int RELATED_SHARED_WORDS = 3;
    /** Hits looked at for one page at most: page 100 of 50 results, with room for reposts. */
    private static final int MAX_WINDOW = 20_000;
    private static final FieldType STORED_WITH_OFFSETS = withOffsets(true), WITH_OFFSETS = withOffsets(false);

    private final Analyzer indexAnalyzer = ChineseAnalyzer.forIndex();
    private final Analyzer queryAnalyzer = ChineseAnalyzer.forQuery();
    private final Analyzer bigramAnalyzer = new BigramAnalyzer();
    private final Directory directory;
    private final Analyzer perField;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile boolean outdated;
    private final Clock clock;

    /** An index on the system clock, for code and tests that run without Spring. */
    public LuceneSearchIndex(Path dir) {
        this(dir, Clock.systemUTC());
    }

    /** @param clock tells how old an article is when related articles prefer recent ones */
    public LuceneSearchIndex(Path dir, Clock clock) {
        this.clock = clock;
        try {
            directory = FSDirectory.open(dir);
            String builtBy = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(SCHEMA_KEY, "1") : SCHEMA;
            perField = new PerFieldAnalyzerWrapper(indexAnalyzer, Map.of(
                    TITLE_CJK, bigramAnalyzer, BODY_CJK, bigramAnalyzer,
                    TITLE_PY, new PinyinAnalyzer(), BODY_PY, new PinyinAnalyzer()));
            writer = openWriter();
            outdated = !SCHEMA.equals(builtBy) && writer.getDocStats().numDocs > 0;
            // an outdated index keeps its old version number until a rebuild replaces it
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, outdated ? builtBy : SCHEMA).entrySet());
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
    }

    private static FieldType withOffsets(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.setStored(stored);
        t.freeze();
        return t;
    }

    /** True when the index on disk was built by an older schema and should be rebuilt from the database. */
    @Override
    public boolean needsRebuild() {
        return outdated;
    }

    @Override
    public synchronized void upsert(List<IndexedArticle> articles) {
        try {
            for (IndexedArticle a : articles) {
                writer.updateDocument(new Term(ID, Long.toString(a.id())), document(a));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void delete(List<Long> ids) {
        try {
            for (long id : ids) {
                writer.deleteDocuments(new Term(ID, Long.toString(id)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Analysis (segmentation, character pairs, pinyin) is most of the cost of indexing and
     * runs in the thread that adds a document, so batches are analysed on every core while
     * this thread reads the next ones; a few batches at most wait in memory.
     */
    @Override
    public synchronized void rebuild(Iterable<List<IndexedArticle>> batches) {
        try {
            writer.deleteAll();
            ParallelBatches.run(batches, batch -> {
                for (IndexedArticle a : batch) {
                    writer.addDocument(document(a));
                }
            });
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
            writer.commit(); // readers keep the old index until this commit
            searchers.maybeRefreshBlocking();
            outdated = false;
        } catch (Exception failure) {
            try {
                rollBack();
            } catch (IOException again) {
                failure.addSuppressed(again);
            }
            throw new IllegalStateException("rebuilding the search index failed; the old index is kept", failure);
        }
    }

    private IndexWriter openWriter() throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(perField).setRAMBufferSizeMB(64));
    }

    /** Drops everything not committed (a failed rebuild) and serves the last commit again. */
    private void rollBack() throws IOException {
        SearcherManager old = searchers;
        writer.rollback(); // closes the writer
        writer = openWriter();
        searchers = new SearcherManager(writer, null);
        old.close();
    }

    private static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        String title = a.title() == null ? "" : a.title();
        String body = a.text() == null ? "" : a.text();
        d.add(new Field(TITLE, title, STORED_WITH_OFFSETS));
        d.add(new Field(BODY, body, STORED_WITH_OFFSETS));
        d.add(new Field(TITLE_CJK, title, WITH_OFFSETS));
        d.add(new Field(BODY_CJK, body, WITH_OFFSETS));
        d.add(new Field(TITLE_PY, title, WITH_OFFSETS));
        d.add(new Field(BODY_PY, body, WITH_OFFSETS));
        d.add(new TextField(TAGS, String.join(" ", a.tags() == null ? List.of() : a.tags()), Field.Store.YES));
        if (a.source() != null) {
            d.add(new TextField(SOURCE, a.source(), Field.Store.NO));
            d.add(new StringField(SOURCE_EXACT, Folding.fold(a.source()).strip(), Field.Store.NO));
        }
        for (String host : hostAndParents(a.sourceUrl())) {
            d.add(new StringField(HOST, host, Field.Store.NO));
        }
        if (a.categorySlug() != null) {
            d.add(new StringField(CATEGORY, a.categorySlug(), Field.Store.YES));
        }
        long time = a.sortTime().toInstant().toEpochMilli();
        d.add(new LongPoint(TIME, time));
        d.add(new NumericDocValuesField(TIME, time));
        d.add(new StringField(STORY, Long.toString(a.storyId()), Field.Store.YES));
        d.add(new NumericDocValuesField(STORY, a.storyId()));
        return d;
    }

    /** news.example.cn → news.example.cn, example.cn (a bare top-level domain is no site). */
    static List<String> hostAndParents(String url) {
        if (url == null) {
            return List.of();
        }
        try {
            String host = java.net.URI.create(url.strip()).getHost();
            if (host == null) {
                return List.of();
            }
            host = host.toLowerCase(java.util.Locale.ROOT);
            host = host.startsWith("www.") ? host.substring(4) : host;
            List<String> out = new ArrayList<>();
            for (String h = host; h.indexOf('.') > 0; h = h.substring(h.indexOf('.') + 1)) {
                out.add(h);
            }
            return out;
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    @Override
    public SearchResults search(SearchRequest request) {
        ReaderQuery.Parsed parsed = new ReaderQuery(queryAnalyzer, bigramAnalyzer).parse(request.query());
        if (parsed.problem() != null) {
            return SearchResults.message(request.page(), request.size(), parsed.problem());
        }
        Query query = withFilters(parsed.query(), request);
        IndexSearcher searcher = acquire();
        try {
            // enough hits to fill the page with one per story; reposts are rare among the top hits,
            // so a small window usually does, and a wider one is asked for when it did not
            int needed = request.page() * request.size();
            int window = needed + 10;
            TopDocs top = top(searcher, query, request, window);
            List<ScoreDoc> onePerStory = shown(searcher, top.scoreDocs, request);
            while (onePerStory.size() < needed && top.totalHits.value > window && window < MAX_WINDOW) {
                window = Math.min(MAX_WINDOW, window * 4);
                top = top(searcher, query, request, window);
                onePerStory = shown(searcher, top.scoreDocs, request);
            }
            long total = top.totalHits.value < window ? onePerStory.size() : top.totalHits.value;
            if (total == 0) {
                return new Suggestions(new LuceneLookup(searcher), () -> new ReaderQuery(queryAnalyzer, bigramAnalyzer)).forNothingFound(request, parsed,
                        hasFilters(request) ? searcher.count(parsed.query()) : 0);
            }
            int from = (request.page() - 1) * request.size();
            List<ScoreDoc> pageDocs = onePerStory.subList(Math.min(from, onePerStory.size()),
                    Math.min(from + request.size(), onePerStory.size()));
            List<SearchResults.Hit> hits = new Snippets(searcher, queryAnalyzer).hits(parsed.positive(), pageDocs);
            return new SearchResults(total, request.page(), request.size(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static TopDocs top(IndexSearcher searcher, Query query, SearchRequest request, int n) throws IOException {
        return "time".equals(request.sort())
                ? searcher.search(query, n, new Sort(new SortField(TIME, SortField.Type.LONG, true)))
                : searcher.search(query, n);
    }

    static boolean hasFilters(SearchRequest r) {
        return !isBlank(r.category()) || !isBlank(r.source()) || r.from() != null || r.to() != null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static Query withFilters(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (!isBlank(r.category())) {
            b.add(new TermQuery(new Term(CATEGORY, r.category().strip())), Occur.FILTER);
        }
        if (!isBlank(r.source())) {
            b.add(ReaderQuery.source(r.source()), Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            long lo = r.from() == null ? Long.MIN_VALUE : startOf(r.from());
            long hi = r.to() == null ? Long.MAX_VALUE : startOf(r.to().plusDays(1)) - 1;
            b.add(LongPoint.newRangeQuery(TIME, lo, hi), Occur.FILTER);
        }
        return b.build();
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(BEIJING).toInstant().toEpochMilli();
    }

    private static List<ScoreDoc> shown(IndexSearcher searcher, ScoreDoc[] docs, SearchRequest request) throws IOException {
        return request.everyReport() ? List.of(docs) : onePerStory(searcher, docs);
    }

    /** Keeps the best hit of each story; the story id comes from doc values, not stored fields. */
    private static List<ScoreDoc> onePerStory(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Set<Long> stories = new HashSet<>();
        List<ScoreDoc> out = new ArrayList<>();
        var leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : docs) {
            var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            NumericDocValues story = leaf.reader().getNumericDocValues(STORY);
            long id = story != null && story.advanceExact(sd.doc - leaf.docBase) ? story.longValue() : -sd.doc - 1;
            if (stories.add(id)) {
                out.add(sd);
            }
        }
        return out;
    }

    @Override
    public List<Long> related(long articleId, long storyId, int max) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(ID, Long.toString(articleId))), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(indexAnalyzer);
            mlt.setFieldNames(new String[] {TITLE, TAGS, BODY});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(2);
            mlt.setMaxQueryTerms(30);
            Query like = atLeastShared(mlt.like(self.scoreDocs[0].doc));
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(sharedSubstance(searcher, searcher.storedFields().document(self.scoreDocs[0].doc, Set.of(CATEGORY, TAGS))), Occur.FILTER)
                    .add(new TermQuery(new Term(STORY, Long.toString(storyId))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(ID, Long.toString(articleId))), Occur.MUST_NOT)
                    .build();
            return RecencyPreference.rank(searcher, searcher.search(query, RELATED_CANDIDATES).scoreDocs, max, clock.millis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Several of this article's distinctive tags in common ({@link SharedSubstance}), not the same section alone. */
    private Query sharedSubstance(IndexSearcher searcher, Document self) {
        return SharedSubstance.filter(self.get(TAGS), self.get(CATEGORY), queryAnalyzer, q -> {
            try {
                return searcher.count(q);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, searcher.getIndexReader().numDocs());
    }

    /**
     * An article is related when it shares several of this one's most telling words, not one
     * word that happens to be rare: better two related articles than six with four unrelated.
     */
    private static Query atLeastShared(Query like) {
        if (!(like instanceof BooleanQuery terms)) {
            return like;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(Math.min(RELATED_SHARED_WORDS, terms.clauses().size()));
        terms.clauses().forEach(b::add);
        return b.build();
    }

    @Override
    public long size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        searchers.close();
        writer.close();
    }

}

package io.huiwen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded search index: one Lucene index under the data directory. Writes go through one
 * {@link IndexWriter}; searches use near-real-time readers refreshed after each write.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {

    static final String ID = "id", TITLE = "title", BODY = "body", TAGS = "tags", SOURCE = "source",
            SOURCE_EXACT = "source_exact", CATEGORY = "category", TIME = "time", STORY = "story";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int RELATED_CANDIDATES = 40;

    private final Analyzer indexAnalyzer = ChineseAnalyzer.forIndex();
    private final Analyzer queryAnalyzer = ChineseAnalyzer.forQuery();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneSearchIndex(Path dir) {
        try {
            Analyzer perField = new PerFieldAnalyzerWrapper(indexAnalyzer, Map.of());
            writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(perField));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + dir, e);
        }
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

    @Override
    public synchronized void rebuild(Iterable<List<IndexedArticle>> batches) {
        try {
            writer.deleteAll();
            for (List<IndexedArticle> batch : batches) {
                for (IndexedArticle a : batch) {
                    writer.addDocument(document(a));
                }
            }
            writer.commit(); // readers keep the old index until this commit
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(IndexedArticle a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        d.add(new TextField(TITLE, a.title(), Field.Store.YES));
        d.add(new TextField(BODY, a.text(), Field.Store.YES));
        d.add(new TextField(TAGS, String.join(" ", a.tags()), Field.Store.YES));
        if (a.source() != null) {
            d.add(new TextField(SOURCE, a.source(), Field.Store.NO));
            d.add(new StringField(SOURCE_EXACT, a.source(), Field.Store.NO));
        }
        if (a.categorySlug() != null) {
            d.add(new StringField(CATEGORY, a.categorySlug(), Field.Store.NO));
        }
        long time = a.sortTime().toInstant().toEpochMilli();
        d.add(new LongPoint(TIME, time));
        d.add(new NumericDocValuesField(TIME, time));
        d.add(new StringField(STORY, Long.toString(a.storyId()), Field.Store.YES));
        return d;
    }

    @Override
    public SearchResults search(SearchRequest request) {
        Query text = new ReaderQuery(queryAnalyzer).parse(request.query());
        if (text instanceof MatchNoDocsQuery) {
            return SearchResults.empty(request.page(), request.size());
        }
        Query query = withFilters(text, request);
        IndexSearcher searcher = acquire();
        try {
            int window = request.page() * request.size() * 3 + 30;
            TopDocs top = "time".equals(request.sort())
                    ? searcher.search(query, window, new Sort(new SortField(TIME, SortField.Type.LONG, true)))
                    : searcher.search(query, window);
            List<ScoreDoc> onePerStory = onePerStory(searcher, top.scoreDocs);
            int from = (request.page() - 1) * request.size();
            List<ScoreDoc> pageDocs = onePerStory.subList(Math.min(from, onePerStory.size()),
                    Math.min(from + request.size(), onePerStory.size()));
            List<SearchResults.Hit> hits = new Snippets(searcher, queryAnalyzer).hits(text, pageDocs);
            long total = top.totalHits.value < window ? onePerStory.size() : top.totalHits.value;
            return new SearchResults(total, request.page(), request.size(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static Query withFilters(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (r.category() != null && !r.category().isBlank()) {
            b.add(new TermQuery(new Term(CATEGORY, r.category())), Occur.FILTER);
        }
        if (r.source() != null && !r.source().isBlank()) {
            b.add(new TermQuery(new Term(SOURCE_EXACT, r.source().strip())), Occur.FILTER);
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

    private static List<ScoreDoc> onePerStory(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Set<String> stories = new HashSet<>();
        List<ScoreDoc> out = new ArrayList<>();
        for (ScoreDoc sd : docs) {
            if (stories.add(searcher.storedFields().document(sd.doc, Set.of(STORY)).get(STORY))) {
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
            Query like = mlt.like(self.scoreDocs[0].doc);
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(new TermQuery(new Term(STORY, Long.toString(storyId))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(ID, Long.toString(articleId))), Occur.MUST_NOT)
                    .build();
            return RecencyPreference.rank(searcher, searcher.search(query, RELATED_CANDIDATES).scoreDocs, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
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

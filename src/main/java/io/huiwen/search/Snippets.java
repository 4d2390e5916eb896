package io.huiwen.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted title and best body passage of each hit; the text is HTML-escaped, matches wrapped
 * in {@code <em>}. The query's words and character runs are found in the stored text
 * ({@link Marks}); a query that matched by pinyin is highlighted from the postings' offsets
 * instead (matches in the pinyin fields share the text's offsets), so no document is analyzed again.
 * An index that keeps no offsets (OpenSearch) gets the same marks from {@link #of}: a pinyin match
 * is highlighted over a one-document index of the hit's text, analyzed here by our own analyzers.
 */
final class Snippets {

    /** What a hit shows: its stored title and body. */
    record Text(long id, String title, String body) {}

    @FunctionalInterface
    interface Texts {
        Text of(int doc) throws IOException;
    }

    private static final int PASSAGE_CHARS = 160;
    private static final Set<String> STORED = Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY);
    private static final Set<HighlightFlag> FLAGS = Set.of(HighlightFlag.PHRASES, HighlightFlag.PASSAGE_RELEVANCY_OVER_SPEED);

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Texts texts;

    /** Snippets of the hits of a Lucene index that stores title and body with offsets. */
    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        this(searcher, analyzer, doc -> {
            Document d = searcher.storedFields().document(doc, STORED);
            return new Text(Long.parseLong(d.get(LuceneSearchIndex.ID)), d.get(LuceneSearchIndex.TITLE), d.get(LuceneSearchIndex.BODY));
        });
    }

    private Snippets(IndexSearcher searcher, Analyzer analyzer, Texts texts) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.texts = texts;
    }

    /**
     * The marked title and passage of one article's text for this query, whatever index found it:
     * words and character runs are found in the text; a pinyin match is highlighted from a
     * one-document index of the text, so the marks are those the embedded index gives.
     */
    static SearchResults.Hit of(Query query, Text text) {
        Marks marks = Marks.of(query);
        if (marks != null) {
            return marked(marks, text);
        }
        MemoryIndex memory = new MemoryIndex(true, false);
        String title = text.title() == null ? "" : text.title(), body = text.body() == null ? "" : text.body();
        memory.addField(LuceneSearchIndex.TITLE, title, IN_MEMORY_WORDS);
        memory.addField(LuceneSearchIndex.BODY, body, IN_MEMORY_WORDS);
        memory.addField(LuceneSearchIndex.TITLE_CJK, title, IN_MEMORY_PAIRS);
        memory.addField(LuceneSearchIndex.BODY_CJK, body, IN_MEMORY_PAIRS);
        memory.addField(LuceneSearchIndex.TITLE_PY, title, IN_MEMORY_SYLLABLES);
        memory.addField(LuceneSearchIndex.BODY_PY, body, IN_MEMORY_SYLLABLES);
        try {
            return new Snippets(memory.createSearcher(), IN_MEMORY_QUERY_WORDS, doc -> text).hits(query, List.of(new ScoreDoc(0, 1))).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Analyzer IN_MEMORY_WORDS = ChineseAnalyzer.forIndex(), IN_MEMORY_QUERY_WORDS = ChineseAnalyzer.forQuery(),
            IN_MEMORY_PAIRS = new BigramAnalyzer(), IN_MEMORY_SYLLABLES = new PinyinAnalyzer();

    private static SearchResults.Hit marked(Marks marks, Text text) {
        String markedTitle = marks.whole(text.title()), markedBody = marks.passage(text.body());
        return new SearchResults.Hit(text.id(), markedTitle != null ? markedTitle : escape(text.title()),
                markedBody != null ? markedBody : escape(head(text.body())));
    }

    List<SearchResults.Hit> hits(Query query, List<ScoreDoc> docs) throws IOException {
        if (docs.isEmpty()) {
            return List.of();
        }
        Marks marks = Marks.of(query);
        if (marks != null) {
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : docs) {
                hits.add(marked(marks, texts.of(sd.doc)));
            }
            return hits;
        }
        // matched by pinyin: the postings know which characters those syllables were
        TopDocs top = new TopDocs(new TotalHits(docs.size(), TotalHits.Relation.EQUAL_TO), docs.toArray(ScoreDoc[]::new));
        Map<Integer, Text> loaded = new HashMap<>();
        Map<String, String[]> marked = highlighter(loaded).highlightFields(new String[] {LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY},
                query, top, new int[] {1, 2});
        String[] titles = marked.get(LuceneSearchIndex.TITLE), bodies = marked.get(LuceneSearchIndex.BODY);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Text doc = loaded.containsKey(docs.get(i).doc) ? loaded.get(docs.get(i).doc) : texts.of(docs.get(i).doc);
            String title = titles[i] != null ? titles[i] : escape(doc.title());
            String body = bodies[i] != null ? bodies[i] : escape(head(doc.body()));
            hits.add(new SearchResults.Hit(doc.id(), joined(title), joined(body)));
        }
        return hits;
    }

    /**
     * Term by term from the postings (the default, matches by weight, builds a weight of the whole
     * query for every hit and field: many times slower); phrases still only where they match as phrases.
     */
    private UnifiedHighlighter highlighter(Map<Integer, Text> loaded) {
        var b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxLength(200_000)
                .withMaskedFieldsFunc(Snippets::sharingOffsets);
        return new UnifiedHighlighter(b) {
            @Override
            protected Set<HighlightFlag> getFlags(String field) { // the builder's withFlags is not honoured in 9.12
                return FLAGS;
            }

            /** Each hit's stored fields are read once, here, and kept for the result list (bodies are what costs). */
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> out = new ArrayList<>();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Text d = texts.of(doc);
                    loaded.put(doc, d);
                    CharSequence[] values = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String v = LuceneSearchIndex.TITLE.equals(fields[f]) ? d.title() : LuceneSearchIndex.BODY.equals(fields[f]) ? d.body() : null;
                        values[f] = v == null ? "" : v;
                    }
                    out.add(values);
                }
                return out;
            }

            @Override
            protected BreakIterator getBreakIterator(String field) {
                return LuceneSearchIndex.TITLE.equals(field) ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f);
            }
        };
    }

    /** Fields indexed from the same text, so their offsets mark the same characters. */
    private static Set<String> sharingOffsets(String field) {
        return switch (field) {
            case LuceneSearchIndex.TITLE -> Set.of(LuceneSearchIndex.TITLE_CJK, LuceneSearchIndex.TITLE_PY);
            case LuceneSearchIndex.BODY -> Set.of(LuceneSearchIndex.BODY_CJK, LuceneSearchIndex.BODY_PY);
            default -> Set.of();
        };
    }

    /** Character-pair and syllable matches come one character at a time: 慈溪 is one mark, not two. */
    private static String joined(String html) {
        return html.replace("</em><em>", "");
    }

    private static String head(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= PASSAGE_CHARS ? flat : flat.substring(0, PASSAGE_CHARS) + "…";
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

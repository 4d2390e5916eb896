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
 */
final class Snippets {

    private static final int PASSAGE_CHARS = 160;
    private static final Set<String> STORED = Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY);
    private static final Set<HighlightFlag> FLAGS = Set.of(HighlightFlag.PHRASES, HighlightFlag.PASSAGE_RELEVANCY_OVER_SPEED);

    private final IndexSearcher searcher;
    private final Analyzer analyzer;

    Snippets(IndexSearcher searcher, Analyzer analyzer) {
        this.searcher = searcher;
        this.analyzer = analyzer;
    }

    List<SearchResults.Hit> hits(Query query, List<ScoreDoc> docs) throws IOException {
        if (docs.isEmpty()) {
            return List.of();
        }
        Marks marks = Marks.of(query);
        if (marks != null) {
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : docs) {
                Document doc = load(sd.doc);
                String title = doc.get(LuceneSearchIndex.TITLE), body = doc.get(LuceneSearchIndex.BODY);
                String markedTitle = marks.whole(title), markedBody = marks.passage(body);
                hits.add(new SearchResults.Hit(Long.parseLong(doc.get(LuceneSearchIndex.ID)),
                        markedTitle != null ? markedTitle : escape(title), markedBody != null ? markedBody : escape(head(body))));
            }
            return hits;
        }
        // matched by pinyin: the postings know which characters those syllables were
        TopDocs top = new TopDocs(new TotalHits(docs.size(), TotalHits.Relation.EQUAL_TO), docs.toArray(ScoreDoc[]::new));
        Map<Integer, Document> loaded = new HashMap<>();
        Map<String, String[]> marked = highlighter(loaded).highlightFields(new String[] {LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY},
                query, top, new int[] {1, 2});
        String[] titles = marked.get(LuceneSearchIndex.TITLE), bodies = marked.get(LuceneSearchIndex.BODY);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Document doc = loaded.containsKey(docs.get(i).doc) ? loaded.get(docs.get(i).doc) : load(docs.get(i).doc);
            String title = titles[i] != null ? titles[i] : escape(doc.get(LuceneSearchIndex.TITLE));
            String body = bodies[i] != null ? bodies[i] : escape(head(doc.get(LuceneSearchIndex.BODY)));
            hits.add(new SearchResults.Hit(Long.parseLong(doc.get(LuceneSearchIndex.ID)), joined(title), joined(body)));
        }
        return hits;
    }

    /**
     * Term by term from the postings (the default, matches by weight, builds a weight of the whole
     * query for every hit and field: many times slower); phrases still only where they match as phrases.
     */
    private UnifiedHighlighter highlighter(Map<Integer, Document> loaded) {
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
                    Document d = load(doc);
                    loaded.put(doc, d);
                    CharSequence[] values = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String v = d.get(fields[f]);
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

    private Document load(int doc) throws IOException {
        return searcher.storedFields().document(doc, STORED);
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

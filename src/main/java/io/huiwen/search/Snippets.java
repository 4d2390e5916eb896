package io.huiwen.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
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
 * in {@code <em>}. Offsets come from the postings, so no document is analyzed again; matches in the
 * bigram and pinyin fields share the text's offsets and are marked in the title and body too.
 */
final class Snippets {

    private static final int PASSAGE_CHARS = 160;
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
        TopDocs top = new TopDocs(new TotalHits(docs.size(), TotalHits.Relation.EQUAL_TO), docs.toArray(ScoreDoc[]::new));
        Map<String, String[]> marked = highlighter().highlightFields(new String[] {LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY},
                query, top, new int[] {1, 2});
        String[] titles = marked.get(LuceneSearchIndex.TITLE), bodies = marked.get(LuceneSearchIndex.BODY);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            var doc = searcher.storedFields().document(docs.get(i).doc, Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY));
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
    private UnifiedHighlighter highlighter() {
        var b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxLength(200_000)
                .withMaskedFieldsFunc(Snippets::sharingOffsets);
        return new UnifiedHighlighter(b) {
            @Override
            protected Set<HighlightFlag> getFlags(String field) { // the builder's withFlags is not honoured in 9.12
                return FLAGS;
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

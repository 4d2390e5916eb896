package io.huiwen.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlighted title and best body passage of each hit; the text is HTML-escaped, matches wrapped
 * in {@code <em>}. Offsets come from the postings, so no document is analyzed again; matches in the
 * bigram and pinyin fields share the text's offsets and are marked in the title and body too.
 */
final class Snippets {

    private static final int PASSAGE_CHARS = 160;

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
        String[] bodies = highlighter(false).highlight(LuceneSearchIndex.BODY, query, top, 2);
        String[] titles = highlighter(true).highlight(LuceneSearchIndex.TITLE, query, top, 1);
        List<SearchResults.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            var doc = searcher.storedFields().document(docs.get(i).doc, Set.of(LuceneSearchIndex.ID, LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY));
            String title = titles[i] != null ? titles[i] : escape(doc.get(LuceneSearchIndex.TITLE));
            String body = bodies[i] != null ? bodies[i] : escape(head(doc.get(LuceneSearchIndex.BODY)));
            hits.add(new SearchResults.Hit(Long.parseLong(doc.get(LuceneSearchIndex.ID)), title, body));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(boolean whole) {
        var b = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .withMaxLength(200_000)
                .withMaskedFieldsFunc(Snippets::sharingOffsets);
        if (whole) {
            b.withBreakIterator(WholeBreakIterator::new);
        } else {
            b.withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f));
        }
        return b.build();
    }

    /** Fields indexed from the same text, so their offsets mark the same characters. */
    private static Set<String> sharingOffsets(String field) {
        return switch (field) {
            case LuceneSearchIndex.TITLE -> Set.of(LuceneSearchIndex.TITLE_CJK, LuceneSearchIndex.TITLE_PY);
            case LuceneSearchIndex.BODY -> Set.of(LuceneSearchIndex.BODY_CJK, LuceneSearchIndex.BODY_PY);
            default -> Set.of();
        };
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

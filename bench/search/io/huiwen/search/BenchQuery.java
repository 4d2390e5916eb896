package io.huiwen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A bench query (bench only): a few words, or one "quoted phrase". {@link #text} is what a reader
 * types; {@link #bare} is the same search written directly in Lucene terms, shaped as the product's
 * parser shapes it (each word required, matched in any of the fields with the same boosts).
 */
record BenchQuery(List<String> words, boolean phrase) {

    /** The product's fields and weights (ReaderQuery), in a fixed order. */
    private static final List<Map.Entry<String, Float>> FIELDS = List.of(
            Map.entry(LuceneSearchIndex.TITLE, 3f), Map.entry(LuceneSearchIndex.TAGS, 2f),
            Map.entry(LuceneSearchIndex.BODY, 1f), Map.entry(LuceneSearchIndex.SOURCE, 1f));

    String text() {
        return phrase ? "\"" + String.join("", words) + "\"" : String.join(" ", words);
    }

    /**
     * 1,000 (or {@code n}) queries: mostly one word, some two or three, a tenth phrases. Words are drawn
     * by frequency rank from a band that leaves out the commonest twenty (的-like words), which
     * favours the middle of the vocabulary.
     */
    static List<BenchQuery> make(SyntheticNews news, int n, long seed) {
        Random r = new Random(seed);
        List<String> byFrequency = news.hanWordsByFrequency().stream().map(Map.Entry::getKey).toList();
        int from = 20, to = Math.min(byFrequency.size(), 1520);
        List<BenchQuery> out = new ArrayList<>();
        while (out.size() < n) {
            int kind = r.nextInt(20);
            if (kind < 2) {
                out.add(new BenchQuery(List.of(news.adjacentPair(r)), true));
                continue;
            }
            int count = kind < 13 ? 1 : kind < 18 ? 2 : 3;
            List<String> words = new ArrayList<>();
            while (words.size() < count) {
                String w = byFrequency.get(from + r.nextInt(to - from));
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
            out.add(new BenchQuery(words, false));
        }
        return out;
    }

    /** The plain Lucene query: the query text analysed as the product analyses it, then term and phrase queries. */
    Query bare(Analyzer queryAnalyzer) {
        List<List<String>> groups = new ArrayList<>();
        if (phrase) {
            groups.add(terms(queryAnalyzer, String.join("", words)));
        } else {
            for (String w : words) {
                groups.add(terms(queryAnalyzer, w));
            }
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (List<String> terms : groups) {
            if (terms.isEmpty()) {
                continue;
            }
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> f : FIELDS) {
                anyField.add(new BoostQuery(inField(f.getKey(), terms), f.getValue()), Occur.SHOULD);
            }
            all.add(anyField.build(), Occur.MUST);
        }
        return all.build();
    }

    /** Every term the product's query analyser makes of the query. */
    List<String> allTerms(Analyzer queryAnalyzer) {
        return terms(queryAnalyzer, String.join(" ", words));
    }

    private Query inField(String field, List<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        if (phrase) {
            return new PhraseQuery(field, terms.toArray(String[]::new));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(field, t)), Occur.MUST);
        }
        return b.build();
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(LuceneSearchIndex.BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

package io.huiwen.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** {@link Suggestions}' questions answered by one Lucene searcher: counts, the terms dictionary, stored fields. */
record LuceneLookup(IndexSearcher searcher) implements Suggestions.Lookup {

    @Override
    public long count(Query query) throws IOException {
        return searcher.count(query);
    }

    @Override
    public List<Suggestions.Similar> similarWords(String field, String word, int edits) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return List.of();
        }
        List<Suggestions.Similar> out = new ArrayList<>();
        FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term(field, word), edits, 0, true);
        for (BytesRef t = fuzzy.next(); t != null; t = fuzzy.next()) {
            out.add(new Suggestions.Similar(t.utf8ToString(), fuzzy.getBoost(), fuzzy.docFreq()));
        }
        return out;
    }

    @Override
    public List<String> texts(Query query, String field, int max) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, max).scoreDocs) {
            String text = searcher.storedFields().document(sd.doc, Set.of(field)).get(field);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    @Override
    public List<List<String>> tags(Query query, int max) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (ScoreDoc sd : searcher.search(query, max).scoreDocs) {
            String tags = searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.TAGS)).get(LuceneSearchIndex.TAGS);
            out.add(tags == null ? List.of() : Arrays.asList(tags.split(" ")));
        }
        return out;
    }
}

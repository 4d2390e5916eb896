package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import io.huiwen.text.Folding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * Help for a search that found nothing: a corrected query built from the index's own words
 * (text that sounds the same: 机器仁 → 机器人, 杨每节 → 杨梅节; or a word one or two letters off),
 * tags of the articles nearest to what was asked, and a note when only the filters hid the hits.
 */
final class Suggestions {

    private static final int MAX_TAGS = 8;

    private final IndexSearcher searcher;
    private final Supplier<ReaderQuery> queries; // a fresh one per query: each counts its own clauses

    Suggestions(IndexSearcher searcher, Supplier<ReaderQuery> queries) {
        this.searcher = searcher;
        this.queries = queries;
    }

    SearchResults forNothingFound(SearchRequest request, ReaderQuery.Parsed parsed, int withoutFilters) throws IOException {
        String message = withoutFilters > 0
                ? "所选分类、来源或日期内没有结果；不加筛选时有 " + withoutFilters + " 篇文章。" : null;
        String suggestion = suggestion(request, parsed.syntax());
        List<String> tags = relatedTags(parsed.syntax(), suggestion);
        return new SearchResults(0, request.page(), request.size(), List.of(), message, suggestion, tags);
    }

    /** The query with each word that finds nothing replaced by the closest indexed word, if that finds something. */
    String suggestion(SearchRequest request, QuerySyntax syntax) throws IOException {
        String suggested = QuerySyntax.clean(request.query());
        boolean changed = false;
        for (String word : syntax.words()) {
            Query q = queries.get().word(word);
            if (q != null && searcher.count(q) == 0) {
                String better = closest(word);
                if (better != null) {
                    suggested = suggested.replace(word, better);
                    changed = true;
                }
            }
        }
        if (!changed) {
            return null;
        }
        Query check = LuceneSearchIndex.withFilters(queries.get().parse(suggested).query(), request);
        return searcher.count(check) > 0 ? suggested : null;
    }

    /**
     * For Chinese, first the text that sounds the same (the pinyin of 杨每节 is found as 杨梅节: most
     * typos are a homophone the input method offered); else the indexed word one edit away (two for
     * long words) that sounds most alike, then is most common.
     */
    String closest(String word) throws IOException {
        String w = Folding.fold(word);
        int length = w.codePointCount(0, w.length());
        if (length < 2 || length > 12) {
            return null;
        }
        if (ReaderQuery.hanCount(w) == length) {
            String homophone = soundsTheSame(w);
            if (homophone != null) {
                return homophone;
            }
        }
        int edits = length <= 4 ? 1 : 2;
        String sound = sound(w);
        String best = null;
        double bestScore = 0;
        for (String field : List.of(LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY)) {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
            if (terms == null) {
                continue;
            }
            FuzzyTermsEnum fuzzy = new FuzzyTermsEnum(terms, new Term(field, w), edits, 0, true);
            for (BytesRef t = fuzzy.next(); t != null; t = fuzzy.next()) {
                String candidate = t.utf8ToString();
                if (candidate.equals(w) || candidate.codePointCount(0, candidate.length()) < 2) {
                    continue;
                }
                double score = fuzzy.getBoost() * 10 + Math.log1p(fuzzy.docFreq()) + (sound(candidate).equals(sound) ? 100 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** The characters of a title or body whose syllables are those of the word, if they differ from it. */
    private String soundsTheSame(String word) throws IOException {
        List<String> syllables = new ArrayList<>();
        HanLP.convertToPinyinList(word).forEach(p -> syllables.add(PinyinAnalyzer.syllable(p)));
        if (syllables.contains("none")) {
            return null;
        }
        for (String[] fields : List.of(new String[] {LuceneSearchIndex.TITLE_PY, LuceneSearchIndex.TITLE},
                new String[] {LuceneSearchIndex.BODY_PY, LuceneSearchIndex.BODY})) {
            Query q = new PhraseQuery(fields[0], syllables.toArray(String[]::new));
            Weight weight = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1);
            var leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc sd : searcher.search(q, 3).scoreDocs) {
                var leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                Matches matches = weight.matches(leaf, sd.doc - leaf.docBase);
                MatchesIterator at = matches == null ? null : matches.getMatches(fields[0]);
                if (at != null && at.next()) {
                    String text = searcher.storedFields().document(sd.doc, Set.of(fields[1])).get(fields[1]);
                    String found = Folding.fold(text.substring(at.startOffset(), at.endOffset()));
                    if (!found.equals(word)) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String sound(String word) {
        return ReaderQuery.hanCount(word) == 0 ? word : HanLP.convertToPinyinString(word, "", false);
    }

    /** The commonest tags of articles that match any one part of the query (or the suggestion). */
    List<String> relatedTags(QuerySyntax syntax, String suggestion) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int parts = 0;
        for (String w : syntax.words()) {
            Query q = queries.get().word(w);
            if (q != null) {
                any.add(q, Occur.SHOULD);
                parts++;
            }
        }
        for (String p : syntax.phrases()) {
            Query q = queries.get().phrase(p);
            if (q != null) {
                any.add(q, Occur.SHOULD);
                parts++;
            }
        }
        if (suggestion != null) {
            any.add(queries.get().parse(suggestion).positive(), Occur.SHOULD);
            parts++;
        }
        if (parts == 0) {
            return List.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (ScoreDoc sd : searcher.search(any.build(), 20).scoreDocs) {
            String tags = searcher.storedFields().document(sd.doc, Set.of(LuceneSearchIndex.TAGS)).get(LuceneSearchIndex.TAGS);
            for (String tag : tags == null ? new String[0] : tags.split(" ")) {
                if (!tag.isBlank() && !syntax.words().contains(Folding.fold(tag))) {
                    counts.merge(tag, 1, Integer::sum);
                    firstSeen.putIfAbsent(tag, firstSeen.size());
                }
            }
        }
        List<String> tags = new ArrayList<>(counts.keySet());
        tags.sort((a, b) -> counts.get(a).equals(counts.get(b)) ? firstSeen.get(a) - firstSeen.get(b) : counts.get(b) - counts.get(a));
        return tags.subList(0, Math.min(MAX_TAGS, tags.size()));
    }
}

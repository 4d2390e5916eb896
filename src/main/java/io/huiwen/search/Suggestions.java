package io.huiwen.search;

import com.hankcs.hanlp.HanLP;
import io.huiwen.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * Help for a search that found nothing: a corrected query built from the index's own words
 * (text that sounds the same: 机器仁 → 机器人, 杨每节 → 杨梅节; or a word one or two letters off),
 * tags of the articles nearest to what was asked, and a note when only the filters hid the hits.
 * It asks the index through {@link Lookup}, which each adapter answers its own way.
 */
final class Suggestions {

    private static final int MAX_TAGS = 8;

    /** What suggestions need to read from an index; queries are in the field names both adapters share. */
    interface Lookup {
        long count(Query query) throws IOException;

        /** Indexed words of a field at most {@code edits} edits from the word, each with its similarity (0..1) and document count. */
        List<Similar> similarWords(String field, String word, int edits) throws IOException;

        /** The stored text of a field ({@code title} or {@code body}) of the best few articles that match. */
        List<String> texts(Query query, String field, int max) throws IOException;

        /** The tags of the best few articles that match, best first. */
        List<List<String>> tags(Query query, int max) throws IOException;
    }

    record Similar(String word, float similarity, int docFreq) {}

    private final Lookup index;
    private final Supplier<ReaderQuery> queries; // a fresh one per query: each counts its own clauses

    Suggestions(Lookup index, Supplier<ReaderQuery> queries) {
        this.index = index;
        this.queries = queries;
    }

    SearchResults forNothingFound(SearchRequest request, ReaderQuery.Parsed parsed, long withoutFilters) throws IOException {
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
            if (q != null && index.count(q) == 0) {
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
        return index.count(check) > 0 ? suggested : null;
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
            for (Similar candidate : index.similarWords(field, w, edits)) {
                String c = candidate.word();
                if (c.equals(w) || c.codePointCount(0, c.length()) < 2) {
                    continue;
                }
                double score = candidate.similarity() * 10 + Math.log1p(candidate.docFreq()) + (sound(c).equals(sound) ? 100 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
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
            for (String text : index.texts(q, fields[1], 3)) {
                String found = saying(text, syllables);
                if (found != null && !Folding.fold(found).equals(word)) {
                    return Folding.fold(found);
                }
            }
        }
        return null;
    }

    /** The first characters of the text that read as these syllables in a row, or null. */
    static String saying(String text, List<String> syllables) {
        List<String> read = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        try (TokenStream ts = new PinyinAnalyzer().tokenStream(LuceneSearchIndex.TITLE_PY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                read.add(term.toString());
                at.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int i = java.util.Collections.indexOfSubList(read, syllables);
        return i < 0 ? null : text.substring(at.get(i)[0], at.get(i + syllables.size() - 1)[1]);
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
        for (List<String> tags : index.tags(any.build(), 20)) {
            for (String tag : tags) {
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

package io.huiwen.search;

import static io.huiwen.search.LuceneSearchIndex.BODY;
import static io.huiwen.search.LuceneSearchIndex.BODY_CJK;
import static io.huiwen.search.LuceneSearchIndex.BODY_PY;
import static io.huiwen.search.LuceneSearchIndex.HOST;
import static io.huiwen.search.LuceneSearchIndex.SOURCE;
import static io.huiwen.search.LuceneSearchIndex.SOURCE_EXACT;
import static io.huiwen.search.LuceneSearchIndex.TAGS;
import static io.huiwen.search.LuceneSearchIndex.TITLE;
import static io.huiwen.search.LuceneSearchIndex.TITLE_CJK;
import static io.huiwen.search.LuceneSearchIndex.TITLE_PY;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import io.huiwen.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * A reader's query ({@link QuerySyntax}) as a Lucene query. Each word must match, in any field:
 * HanLP words weigh most (title 3, tags 2, body and source 1); the same characters in a row in the
 * bigram fields are the fallback for names HanLP does not know (weighed low, so precision stays);
 * a Latin word that reads as two or more pinyin syllables also matches those syllables in a row.
 * Quoted phrases match the exact characters in order. Never throws on what a reader types.
 */
final class ReaderQuery {

    static final float TITLE_BOOST = 3, TAGS_BOOST = 2, BIGRAM_TITLE_BOOST = 1, BIGRAM_BODY_BOOST = 0.3f,
            PINYIN_TITLE_BOOST = 1.5f, PINYIN_BODY_BOOST = 0.5f;
    private static final int MAX_TOKENS = 40; // across the query: far below Lucene's 1024-clause limit

    /** The query to run and the part of it worth highlighting (no exclusions). */
    record Parsed(Query query, Query positive, QuerySyntax syntax, String problem) {}

    private final Analyzer words;
    private final QueryBuilder bigrams;
    private int tokens;

    ReaderQuery(Analyzer words, Analyzer bigrams) {
        this.words = words;
        this.bigrams = new QueryBuilder(bigrams);
    }

    Parsed parse(String input) {
        tokens = 0;
        QuerySyntax syntax = QuerySyntax.parse(input);
        BooleanQuery.Builder positive = new BooleanQuery.Builder();
        int required = 0;
        for (String w : syntax.words()) {
            required += add(positive, word(w), Occur.MUST);
        }
        for (String p : syntax.phrases()) {
            required += add(positive, phrase(p), Occur.MUST);
        }
        Query text;
        String problem = null;
        if (required > 0) {
            text = positive.build();
        } else if (!syntax.sources().isEmpty()) {
            text = new MatchAllDocsQuery(); // source:名称 alone lists that source
        } else {
            text = new MatchNoDocsQuery();
            problem = syntax.excludedWords().isEmpty() && syntax.excludedPhrases().isEmpty() ? "请输入要搜索的词语。"
                    : "请至少输入一个要查找的词；“-”开头的词只用于排除。";
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST);
        syntax.excludedWords().forEach(w -> add(all, word(w), Occur.MUST_NOT));
        syntax.excludedPhrases().forEach(p -> add(all, phrase(p), Occur.MUST_NOT));
        if (!syntax.sources().isEmpty()) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            syntax.sources().forEach(s -> any.add(source(s), Occur.SHOULD));
            all.add(any.build(), Occur.FILTER);
        }
        syntax.excludedSources().forEach(s -> all.add(source(s), Occur.MUST_NOT));
        return new Parsed(all.build(), text, syntax, problem);
    }

    private static int add(BooleanQuery.Builder b, Query q, Occur occur) {
        if (q == null) {
            return 0;
        }
        b.add(q, occur);
        return 1;
    }

    /** A word or a run without spaces (余姚机器人): every HanLP word of it, or the whole run as bigrams. */
    Query word(String text) {
        List<String> parts = analyze(text);
        if (parts.isEmpty()) {
            return null;
        }
        Query each;
        if (parts.size() == 1) {
            each = anyField(parts.get(0));
        } else {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            parts.forEach(p -> b.add(anyField(p), Occur.MUST));
            each = b.build();
        }
        if (hanCount(text) < 2 || isDictionaryWord(parts, text)) {
            return each; // a word the segmenter knows is indexed as that word: pairs would find nothing more, at a cost
        }
        return new BooleanQuery.Builder().add(each, Occur.SHOULD).add(bigrams(text, BIGRAM_TITLE_BOOST, BIGRAM_BODY_BOOST), Occur.SHOULD).build();
    }

    /** The whole run is one word of HanLP's dictionaries (机器人, not 赛诺微 or 余姚机器人). */
    private static boolean isDictionaryWord(List<String> parts, String text) {
        String word = parts.get(0);
        return parts.size() == 1 && word.length() == hanCount(text)
                && (CoreDictionary.contains(word) || CustomDictionary.contains(word));
    }

    /** Exact characters in order ("余姚 机器人" is read as 余姚机器人: spaces between Han characters do not count). */
    Query phrase(String text) {
        String joined = text.replaceAll("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})", "");
        Query title = bigrams.createPhraseQuery(TITLE_CJK, joined);
        if (title == null || title instanceof TermQuery) {
            return word(joined); // one word in quotes is that word
        }
        tokens += 2;
        return new BooleanQuery.Builder()
                .add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD)
                .add(bigrams.createPhraseQuery(BODY_CJK, joined), Occur.SHOULD).build();
    }

    private Query bigrams(String text, float titleBoost, float bodyBoost) {
        Query title = bigrams.createPhraseQuery(TITLE_CJK, text);
        Query body = bigrams.createPhraseQuery(BODY_CJK, text);
        return new BooleanQuery.Builder()
                .add(new BoostQuery(title, titleBoost), Occur.SHOULD)
                .add(new BoostQuery(body, bodyBoost), Occur.SHOULD).build();
    }

    private Query anyField(String word) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(new BoostQuery(new TermQuery(new Term(TITLE, word)), TITLE_BOOST), Occur.SHOULD)
                .add(new BoostQuery(new TermQuery(new Term(TAGS, word)), TAGS_BOOST), Occur.SHOULD)
                .add(new TermQuery(new Term(BODY, word)), Occur.SHOULD)
                .add(new TermQuery(new Term(SOURCE, word)), Occur.SHOULD);
        List<String> syllables = Syllables.split(word);
        if (syllables.size() >= 2) { // one syllable (de, li) would match half the corpus
            b.add(new BoostQuery(syllables(TITLE_PY, syllables), PINYIN_TITLE_BOOST), Occur.SHOULD);
            b.add(new BoostQuery(syllables(BODY_PY, syllables), PINYIN_BODY_BOOST), Occur.SHOULD);
        }
        return b.build();
    }

    private static Query syllables(String field, List<String> syllables) {
        return new PhraseQuery(field, syllables.toArray(String[]::new));
    }

    /** source:名称 keeps articles whose source name starts with it; site:域名 those from that host or its subdomains. */
    static Query source(String nameOrHost) {
        String folded = Folding.fold(nameOrHost).strip();
        String host = folded.startsWith("www.") ? folded.substring(4) : folded;
        return new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(SOURCE_EXACT, folded)), Occur.SHOULD)
                .add(new TermQuery(new Term(HOST, host)), Occur.SHOULD).build();
    }

    /** The HanLP words of a query part, folded; capped so no query grows past Lucene's clause limit. */
    List<String> analyze(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = words.tokenStream(BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && tokens < MAX_TOKENS) {
                out.add(term.toString());
                tokens++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static int hanCount(String text) {
        return (int) text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}

package io.huiwen.search;

import io.huiwen.text.GenericWords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * What another article must share with one to be listed under its 相关阅读: two of its
 * distinctive tags said in its title or text, or one that both articles carry as a tag. A tag that many articles of the index carry (or a
 * generic word an older article was tagged with) tells nothing: the sorting-robot story and the
 * metro line both say 智能, and being in the same section is no relation either. Better two
 * related articles, or none, than six of filler. Built as a Lucene query; the OpenSearch adapter
 * sends the same query translated ({@link OpenSearchQuery}).
 */
final class SharedSubstance {

    /** How many distinctive tags another article must share, when this one has that many. */
    static final int SHARED_TAGS = 2;
    /** A tag on more than this share of the index (and more than {@link #FEW} articles) is no sign of a relation. */
    private static final double COMMON_SHARE = 0.15;
    private static final int FEW = 3;

    private SharedSubstance() {}

    /**
     * The filter another article must pass: it says at least {@link #SHARED_TAGS} of these tags
     * that few articles say (all of them when fewer are distinctive). An article without tags falls
     * back to its section.
     *
     * @param count how many indexed articles a query matches
     * @param articles how many articles the index holds
     */
    static Query filter(String tagsText, String category, Analyzer analyzer, ToLongFunction<Query> count, long articles) {
        Set<String> tags = new LinkedHashSet<>();
        for (String t : tagsText == null ? new String[0] : tagsText.split(" ")) {
            if (!t.isBlank() && !GenericWords.isGeneric(t)) {
                tags.add(t);
            }
        }
        if (tags.isEmpty()) {
            return category == null ? new MatchAllDocsQuery() : new TermQuery(new Term(LuceneSearchIndex.CATEGORY, category));
        }
        QueryBuilder words = new QueryBuilder(analyzer);
        long common = Math.max(FEW, (long) Math.ceil(articles * COMMON_SHARE));
        List<Query> distinctive = new ArrayList<>();
        Set<String> distinctiveTags = new LinkedHashSet<>();
        for (String tag : tags) {
            Query says = saysTag(words, tag, List.of(LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY, LuceneSearchIndex.TAGS));
            if (says != null && count.applyAsLong(says) <= common) {
                distinctive.add(says);
                distinctiveTags.add(tag);
            }
        }
        if (distinctive.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        // a tag both articles carry counts twice (said in the text, and chosen as a tag there too)
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(Math.min(SHARED_TAGS, distinctive.size() * 2));
        for (String tag : tags) {
            Query says = saysTag(words, tag, List.of(LuceneSearchIndex.TITLE, LuceneSearchIndex.BODY));
            Query tagged = saysTag(words, tag, List.of(LuceneSearchIndex.TAGS));
            if (says != null && tagged != null && distinctiveTags.contains(tag)) {
                b.add(says, Occur.SHOULD);
                b.add(tagged, Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** An article says the tag: as a phrase in one of these fields. */
    private static Query saysTag(QueryBuilder words, String tag, List<String> fields) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : fields) {
            Query q = words.createPhraseQuery(field, tag);
            if (q != null) {
                any.add(q, Occur.SHOULD);
            }
        }
        BooleanQuery q = any.build();
        return q.clauses().isEmpty() ? null : q;
    }
}

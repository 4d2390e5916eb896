package io.huiwen.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * A query of {@link ReaderQuery} (and the filters of {@link LuceneSearchIndex#withFilters}) in
 * OpenSearch's query language. The terms are already our analyzers' terms, so each Lucene query
 * has an exact counterpart over the same fields: a term is a {@code term}, a phrase a
 * {@code match_phrase} of its terms (split again by the field's whitespace analyzer), boosts
 * and minimum matches carry over. Anything else is a bug in the caller, not a reader's input.
 */
final class OpenSearchQuery {

    private OpenSearchQuery() {}

    static Query of(org.apache.lucene.search.Query q) {
        float boost = 1;
        while (q instanceof BoostQuery b) {
            boost *= b.getBoost();
            q = b.getQuery();
        }
        float by = boost;
        if (q instanceof TermQuery t) {
            return Query.of(x -> x.term(tq -> tq.field(t.getTerm().field()).value(FieldValue.of(t.getTerm().text())).boost(by)));
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p, by);
        }
        if (q instanceof BooleanQuery b) {
            return bool(b, by);
        }
        if (q instanceof PrefixQuery p) {
            return Query.of(x -> x.prefix(pq -> pq.field(p.getField()).value(p.getPrefix().text()).boost(by)));
        }
        if (q instanceof MatchAllDocsQuery) {
            return Query.of(x -> x.matchAll(m -> m.boost(by)));
        }
        if (q instanceof MatchNoDocsQuery) {
            return Query.of(x -> x.matchNone(m -> m));
        }
        if (q instanceof PointRangeQuery r && r.getNumDims() == 1 && r.getBytesPerDim() == Long.BYTES) {
            long lo = LongPoint.decodeDimension(r.getLowerPoint(), 0), hi = LongPoint.decodeDimension(r.getUpperPoint(), 0);
            return Query.of(x -> x.range(rq -> rq.field(r.getField()).gte(JsonData.of(lo)).lte(JsonData.of(hi))));
        }
        throw new IllegalArgumentException("no OpenSearch form for " + q.getClass().getSimpleName() + ": " + q);
    }

    private static Query phrase(PhraseQuery p, float boost) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        for (int i = 1; i < positions.length; i++) {
            if (positions[i] != positions[i - 1] + 1 || p.getSlop() != 0) {
                throw new IllegalArgumentException("only exact phrases of terms in a row: " + p);
            }
        }
        if (terms.length == 0) {
            return Query.of(x -> x.matchNone(m -> m));
        }
        List<String> words = new ArrayList<>();
        for (Term t : terms) {
            words.add(t.text());
        }
        return Query.of(x -> x.matchPhrase(m -> m.field(terms[0].field()).query(String.join(" ", words)).boost(boost)));
    }

    private static Query bool(BooleanQuery b, float boost) {
        BoolQuery.Builder out = new BoolQuery.Builder().boost(boost);
        boolean positive = false;
        for (BooleanClause c : b.clauses()) {
            Query sub = of(c.getQuery());
            switch (c.getOccur()) {
                case MUST -> out.must(sub);
                case FILTER -> out.filter(sub);
                case SHOULD -> out.should(sub);
                case MUST_NOT -> out.mustNot(sub);
            }
            positive |= c.getOccur() != BooleanClause.Occur.MUST_NOT;
        }
        if (!positive) {
            return Query.of(x -> x.matchNone(m -> m)); // Lucene finds nothing with exclusions alone
        }
        // otherwise OpenSearch's default is Lucene's: optional clauses beside a required one only add to the score
        if (b.getMinimumNumberShouldMatch() > 0) {
            out.minimumShouldMatch(Integer.toString(b.getMinimumNumberShouldMatch()));
        }
        return Query.of(x -> x.bool(out.build()));
    }
}

package io.huiwen.search;

import static io.huiwen.search.LuceneSearchIndex.BODY;
import static io.huiwen.search.LuceneSearchIndex.BODY_CJK;
import static io.huiwen.search.LuceneSearchIndex.BODY_PY;
import static io.huiwen.search.LuceneSearchIndex.CATEGORY;
import static io.huiwen.search.LuceneSearchIndex.HOST;
import static io.huiwen.search.LuceneSearchIndex.ID;
import static io.huiwen.search.LuceneSearchIndex.SOURCE;
import static io.huiwen.search.LuceneSearchIndex.SOURCE_EXACT;
import static io.huiwen.search.LuceneSearchIndex.STORY;
import static io.huiwen.search.LuceneSearchIndex.TAGS;
import static io.huiwen.search.LuceneSearchIndex.TIME;
import static io.huiwen.search.LuceneSearchIndex.TITLE;
import static io.huiwen.search.LuceneSearchIndex.TITLE_CJK;
import static io.huiwen.search.LuceneSearchIndex.TITLE_PY;

import io.huiwen.text.Folding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;

/**
 * How an article is laid out in OpenSearch. The cluster does not segment Chinese: our own
 * analyzers ({@link ChineseAnalyzer}, {@link BigramAnalyzer}, {@link PinyinAnalyzer}) cut the
 * folded text into terms here, in Java, and the text fields hold those terms separated by spaces,
 * split again by OpenSearch's {@code whitespace} analyzer. So both backends index exactly the same
 * terms, with no plugin to install on the cluster (an IK or HanLP plugin would cut differently,
 * and its version would have to follow the cluster's), and one query builder ({@link ReaderQuery})
 * serves both. The original text is kept in the source ({@code raw}) for snippets, related
 * articles and suggestions; the term fields are left out of it. Field names are the embedded
 * index's. One shard, so word statistics, and with them scores, are those of one Lucene index.
 */
final class OpenSearchLayout {

    /** Field of the original title, body and tags, kept in the source only. */
    static final String RAW = "raw";
    /** Each tag, folded, as one term: related articles share a tag. */
    static final String TAG = "tag";
    /** Where the schema version is kept, in the mapping's {@code _meta}. */
    static final String SCHEMA_KEY = "schema";

    private static final Analyzer WORDS = ChineseAnalyzer.forIndex(), PAIRS = new BigramAnalyzer(), SYLLABLES = new PinyinAnalyzer();

    private OpenSearchLayout() {}

    static TypeMapping mapping(String schema) {
        Property terms = Property.of(p -> p.text(t -> t.analyzer("whitespace")));
        Property keyword = Property.of(p -> p.keyword(k -> k));
        Property number = Property.of(p -> p.long_(l -> l));
        return TypeMapping.of(m -> m
                .dynamic(DynamicMapping.Strict)
                .meta(SCHEMA_KEY, JsonData.of(schema))
                .source(s -> s.excludes(TITLE, BODY, TAGS, SOURCE, TITLE_CJK, BODY_CJK, TITLE_PY, BODY_PY))
                .properties(ID, number).properties(STORY, number).properties(TIME, number)
                .properties(TITLE, terms).properties(BODY, terms).properties(TAGS, terms).properties(SOURCE, terms)
                .properties(TITLE_CJK, terms).properties(BODY_CJK, terms).properties(TITLE_PY, terms).properties(BODY_PY, terms)
                .properties(SOURCE_EXACT, keyword).properties(HOST, keyword).properties(CATEGORY, keyword).properties(TAG, keyword)
                .properties(RAW, p -> p.object(o -> o.enabled(false))));
    }

    /** The article as a document; throws on an article the embedded index would refuse too (no time). */
    static Map<String, Object> document(IndexedArticle a) {
        String title = a.title() == null ? "" : a.title();
        String body = a.text() == null ? "" : a.text();
        List<String> tags = a.tags() == null ? List.of() : a.tags();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(ID, a.id());
        d.put(STORY, a.storyId());
        d.put(TIME, a.sortTime().toInstant().toEpochMilli());
        d.put(TITLE, terms(WORDS, title));
        d.put(BODY, terms(WORDS, body));
        d.put(TAGS, terms(WORDS, String.join(" ", tags)));
        d.put(TITLE_CJK, terms(PAIRS, title));
        d.put(BODY_CJK, terms(PAIRS, body));
        d.put(TITLE_PY, terms(SYLLABLES, title));
        d.put(BODY_PY, terms(SYLLABLES, body));
        if (a.source() != null) {
            d.put(SOURCE, terms(WORDS, a.source()));
            d.put(SOURCE_EXACT, Folding.fold(a.source()).strip());
        }
        d.put(HOST, LuceneSearchIndex.hostAndParents(a.sourceUrl()));
        if (a.categorySlug() != null) {
            d.put(CATEGORY, a.categorySlug());
        }
        d.put(TAG, tags.stream().map(t -> Folding.fold(t).strip()).filter(t -> !t.isEmpty()).distinct().toList());
        d.put(RAW, Map.of(TITLE, title, BODY, body, TAGS, tags));
        return d;
    }

    /** Words of the text as the embedded index would index them, for a like-this query. */
    static String words(String text) {
        return terms(WORDS, text == null ? "" : text);
    }

    /** The analyzer's terms of the text, separated by spaces (no term holds one). */
    static String terms(Analyzer analyzer, String text) {
        StringBuilder sb = new StringBuilder(text.length() * 2);
        try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(term);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}

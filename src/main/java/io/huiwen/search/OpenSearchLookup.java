package io.huiwen.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.SuggestSort;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;

/**
 * {@link Suggestions}' questions asked of OpenSearch: counts, the term suggester over the title
 * and body words (the same edit distance as the embedded index's fuzzy terms), and the original
 * text and tags kept in the source.
 */
record OpenSearchLookup(OpenSearchClient client, String alias) implements Suggestions.Lookup {

    private static final int CANDIDATES = 20;

    @Override
    public long count(Query query) throws IOException {
        return client.count(c -> c.index(alias).query(OpenSearchQuery.of(query))).count();
    }

    @Override
    public List<Suggestions.Similar> similarWords(String field, String word, int edits) throws IOException {
        var response = client.search(s -> s.index(alias).size(0).suggest(sg -> sg.suggesters("similar", f -> f.text(word)
                .term(t -> t.field(field).maxEdits(edits).prefixLength(0).minWordLength(2).size(CANDIDATES)
                        .maxInspections(CANDIDATES).suggestMode(SuggestMode.Always).sort(SuggestSort.Score)))), Void.class);
        List<Suggestions.Similar> out = new ArrayList<>();
        for (Suggest<Void> s : response.suggest().getOrDefault("similar", List.of())) {
            for (TermSuggestOption o : s.term().options()) {
                out.add(new Suggestions.Similar(o.text(), (float) o.score(), o.freq() == null ? 0 : o.freq().intValue()));
            }
        }
        return out;
    }

    @Override
    public List<String> texts(Query query, String field, int max) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode raw : raws(query, max)) {
            if (raw.hasNonNull(field)) {
                out.add(raw.get(field).asText());
            }
        }
        return out;
    }

    @Override
    public List<List<String>> tags(Query query, int max) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode raw : raws(query, max)) {
            List<String> tags = new ArrayList<>();
            raw.path(LuceneSearchIndex.TAGS).forEach(t -> tags.add(t.asText()));
            out.add(tags);
        }
        return out;
    }

    /** The original text of the best articles that match. */
    private List<JsonNode> raws(Query query, int max) throws IOException {
        var response = client.search(s -> s.index(alias).size(max).query(OpenSearchQuery.of(query))
                .source(src -> src.filter(f -> f.includes(OpenSearchLayout.RAW))), ObjectNode.class);
        List<JsonNode> out = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            out.add(hit.source() == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : hit.source().path(OpenSearchLayout.RAW));
        }
        return out;
    }
}

package io.huiwen.search;

import static io.huiwen.search.LuceneSearchIndex.BODY;
import static io.huiwen.search.LuceneSearchIndex.CATEGORY;
import static io.huiwen.search.LuceneSearchIndex.ID;
import static io.huiwen.search.LuceneSearchIndex.STORY;
import static io.huiwen.search.LuceneSearchIndex.TAGS;
import static io.huiwen.search.LuceneSearchIndex.TIME;
import static io.huiwen.search.LuceneSearchIndex.TITLE;
import static io.huiwen.search.OpenSearchLayout.RAW;
import static io.huiwen.search.OpenSearchLayout.TAG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The search index in an OpenSearch cluster, shared by every node. Articles are indexed as our
 * own analyzers cut them ({@link OpenSearchLayout}), queries are {@link ReaderQuery}'s
 * ({@link OpenSearchQuery}), snippets are marked in the hit's text by {@link Snippets}, so results
 * read as the embedded index's. One result per story is a collapse on the story; related
 * articles are a more-like-this over the article's words, ranked by {@link RecencyPreference}.
 *
 * <p>Readers search an alias. A rebuild loads a new index ({@code <alias>-v<schema>-<time>}, the
 * schema version in its mapping's {@code _meta}) while the old one serves, then moves the alias
 * and deletes the old index in one atomic step.
 */
public final class OpenSearchIndex implements SearchIndex, AutoCloseable {

    /** One layout version for both backends: they share fields and analysis. */
    static final String SCHEMA = LuceneSearchIndex.SCHEMA;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final String STORIES = "stories";
    private static final int RELATED_CANDIDATES = 40;

    private final OpenSearchClient client;
    private final String alias;
    private final int replicas;
    private final Clock clock;
    private final Analyzer queryAnalyzer = ChineseAnalyzer.forQuery();
    private final Analyzer bigramAnalyzer = new BigramAnalyzer();

    private OpenSearchIndex(OpenSearchClient client, String alias, int replicas, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.replicas = replicas;
        this.clock = clock;
    }

    /**
     * Connects, checks the cluster, and creates the alias over an empty index if there is none yet.
     *
     * @throws IllegalStateException with a one-line message naming the addresses and the cause
     */
    public static OpenSearchIndex connect(HuiwenProperties.OpenSearch settings, Clock clock) {
        OpenSearchClient client = OpenSearchConnection.open(settings);
        try {
            OpenSearchIndex index = new OpenSearchIndex(client, settings.index(), settings.replicas(), clock);
            index.ensureAlias();
            return index;
        } catch (IOException | RuntimeException e) {
            OpenSearchConnection.close(client);
            throw OpenSearchConnection.unusable(settings.uris(), e);
        }
    }

    private void ensureAlias() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        if (client.indices().exists(e -> e.index(alias)).value()) {
            throw new IllegalStateException("\"" + alias + "\" is an index, not an alias; Huiwen keeps its index behind that alias");
        }
        try {
            create(alias + "-v" + SCHEMA + "-initial", true);
        } catch (OpenSearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) { // another node was first
                throw e;
            }
        }
    }

    private void create(String name, boolean serving) throws IOException {
        client.indices().create(c -> {
            c.index(name).mappings(OpenSearchLayout.mapping(SCHEMA))
                    .settings(s -> s.numberOfShards("1").numberOfReplicas(Integer.toString(replicas))
                            .refreshInterval(t -> t.time(serving ? "1s" : "-1")));
            return serving ? c.aliases(alias, a -> a) : c;
        });
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String readerName(String nodeId) {
        return "opensearch:" + alias;
    }

    /**
     * True when the index behind the alias was built with an older schema version. Not for a newer
     * one: during a rolling upgrade the nodes still on the old version keep serving the new index
     * rather than rebuilding it back.
     */
    @Override
    public boolean needsRebuild() {
        try {
            for (var index : client.indices().getMapping(g -> g.index(alias)).result().values()) {
                JsonData schema = index.mappings().meta().get(OpenSearchLayout.SCHEMA_KEY);
                if (version(schema == null ? null : schema.to(String.class)) < version(SCHEMA)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(String schema) {
        try {
            return schema == null ? 0 : Integer.parseInt(schema.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public synchronized void upsert(List<IndexedArticle> articles) {
        List<BulkOperation> ops = new ArrayList<>();
        for (IndexedArticle a : articles) {
            Map<String, Object> doc = OpenSearchLayout.document(a);
            ops.add(BulkOperation.of(b -> b.index(i -> i.id(Long.toString(a.id())).document(doc))));
        }
        bulk(alias, ops, Refresh.True);
    }

    @Override
    public synchronized void delete(List<Long> ids) {
        List<BulkOperation> ops = ids.stream().map(id -> BulkOperation.of(b -> b.delete(d -> d.id(Long.toString(id))))).toList();
        bulk(alias, ops, Refresh.True);
    }

    /**
     * Sends the operations; a document the cluster refuses is an {@link IllegalArgumentException},
     * as Lucene says it, so the outbox drain retries the others one by one.
     */
    private void bulk(String index, List<BulkOperation> ops, Refresh refresh) {
        if (ops.isEmpty()) {
            return;
        }
        try {
            var response = client.bulk(b -> b.index(index).operations(ops).refresh(refresh));
            if (response.errors()) {
                List<BulkResponseItem> failed = response.items().stream().filter(i -> i.error() != null).toList();
                String what = failed.size() + " of " + ops.size() + " articles not indexed in " + index + ", first " + failed.get(0).id()
                        + ": " + failed.get(0).error().type() + " " + failed.get(0).error().reason();
                throw failed.stream().allMatch(i -> i.status() == 400) ? new IllegalArgumentException(what) : new IllegalStateException(what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a new index while the old one serves; segmentation is most of the cost, so batches are
     * cut into terms on every core while this thread reads the next ones.
     */
    @Override
    public synchronized void rebuild(Iterable<List<IndexedArticle>> batches) {
        String name = alias + "-v" + SCHEMA + "-" + STAMP.format(clock.instant());
        try {
            List<String> old = behindAlias();
            create(name, false);
            ParallelBatches.run(batches, batch -> {
                List<BulkOperation> ops = new ArrayList<>();
                for (IndexedArticle a : batch) {
                    Map<String, Object> doc = OpenSearchLayout.document(a);
                    ops.add(BulkOperation.of(b -> b.index(i -> i.id(Long.toString(a.id())).document(doc))));
                }
                bulk(name, ops, Refresh.False);
            });
            client.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(t -> t.time("1s"))));
            client.indices().refresh(r -> r.index(name));
            client.indices().updateAliases(u -> {
                u.actions(a -> a.add(add -> add.index(name).alias(alias)));
                old.forEach(o -> u.actions(a -> a.removeIndex(r -> r.index(o))));
                return u;
            });
        } catch (Exception | Error t) {
            dropQuietly(name, t);
            throw new IllegalStateException("rebuilding the search index failed; the old index is kept", t);
        }
    }

    /** The indices the alias points to: one, or none when someone deleted it since the start. */
    private List<String> behindAlias() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return List.of();
        }
        return new ArrayList<>(client.indices().getAlias(g -> g.name(alias)).result().keySet());
    }

    private void dropQuietly(String name, Throwable failure) {
        try {
            if (client.indices().exists(e -> e.index(name)).value()) {
                client.indices().delete(d -> d.index(name));
            }
        } catch (IOException | RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    @Override
    public SearchResults search(SearchRequest request) {
        ReaderQuery.Parsed parsed = new ReaderQuery(queryAnalyzer, bigramAnalyzer).parse(request.query());
        if (parsed.problem() != null) {
            return SearchResults.message(request.page(), request.size(), parsed.problem());
        }
        Query query = OpenSearchQuery.of(LuceneSearchIndex.withFilters(parsed.query(), request));
        try {
            var response = client.search(s -> {
                s.index(alias).query(query).from((request.page() - 1) * request.size()).size(request.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .source(src -> src.filter(f -> f.includes(RAW + "." + TITLE, RAW + "." + BODY)));
                if ("time".equals(request.sort())) {
                    s.sort(o -> o.field(f -> f.field(TIME).order(SortOrder.Desc)));
                }
                if (!request.everyReport()) { // one hit per story, the best by the sort; the total counts stories
                    s.collapse(c -> c.field(STORY)).aggregations(STORIES, a -> a.cardinality(c -> c.field(STORY).precisionThreshold(40_000)));
                }
                return s;
            }, ObjectNode.class);
            long found = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
            if (found == 0) {
                OpenSearchLookup lookup = new OpenSearchLookup(client, alias);
                return new Suggestions(lookup, () -> new ReaderQuery(queryAnalyzer, bigramAnalyzer)).forNothingFound(request, parsed,
                        LuceneSearchIndex.hasFilters(request) ? lookup.count(parsed.query()) : 0);
            }
            long total = request.everyReport() ? found : response.aggregations().get(STORIES).cardinality().value();
            List<SearchResults.Hit> hits = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                JsonNode raw = hit.source() == null ? null : hit.source().get(RAW);
                hits.add(Snippets.of(parsed.positive(), new Snippets.Text(Long.parseLong(hit.id()),
                        raw == null ? "" : raw.path(TITLE).asText(""), raw == null ? "" : raw.path(BODY).asText(""))));
            }
            return new SearchResults(total, request.page(), request.size(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Articles like this one by the terms the embedded index's MoreLikeThis would pick: its words
     * are cut here as at indexing and given as the document to be like;
     * sharing several distinctive tags ({@link SharedSubstance}), never of its story, at least three
     * telling words in common.
     */
    @Override
    public List<Long> related(long articleId, long storyId, int max) {
        try {
            var self = client.get(g -> g.index(alias).id(Long.toString(articleId)).sourceIncludes(RAW, CATEGORY, TAG), ObjectNode.class);
            if (!self.found() || self.source() == null) {
                return List.of();
            }
            JsonNode raw = self.source().path(RAW);
            List<String> tags = new ArrayList<>();
            raw.path(TAGS).forEach(t -> tags.add(t.asText()));
            Map<String, Object> like = Map.of(TITLE, OpenSearchLayout.words(raw.path(TITLE).asText("")),
                    TAGS, OpenSearchLayout.words(String.join(" ", tags)), BODY, OpenSearchLayout.words(raw.path(BODY).asText("")));
            Query similar = Query.of(q -> q.moreLikeThis(m -> m.fields(TITLE, TAGS, BODY)
                    .like(l -> l.document(d -> d.doc(JsonData.of(like))))
                    .minTermFreq(1).minDocFreq(1).minWordLength(2).maxQueryTerms(30).minimumShouldMatch("3")));
            String category = self.source().hasNonNull(CATEGORY) ? self.source().get(CATEGORY).asText() : null;
            Query shared = OpenSearchQuery.of(SharedSubstance.filter(String.join(" ", tags), category, queryAnalyzer, this::count, size()));
            Query query = Query.of(q -> q.bool(b -> b.must(similar).filter(shared)
                    .mustNot(n -> n.term(t -> t.field(STORY).value(FieldValue.of(storyId))))
                    .mustNot(n -> n.ids(i -> i.values(Long.toString(articleId))))));
            var response = client.search(s -> s.index(alias).query(query).size(RELATED_CANDIDATES)
                    .source(src -> src.filter(f -> f.includes(ID, STORY, TIME))), ObjectNode.class);
            List<RecencyPreference.Candidate> candidates = new ArrayList<>();
            for (Hit<ObjectNode> hit : response.hits().hits()) {
                ObjectNode doc = hit.source();
                candidates.add(new RecencyPreference.Candidate(Long.parseLong(hit.id()), doc.path(STORY).asLong(),
                        hit.score() == null ? 0 : hit.score(), doc.path(TIME).asLong()));
            }
            return RecencyPreference.rank(candidates, max, clock.millis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many indexed articles match: {@link SharedSubstance} asks how common each tag is. */
    private long count(org.apache.lucene.search.Query q) {
        try {
            return client.count(c -> c.index(alias).query(OpenSearchQuery.of(q))).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size() {
        try {
            return client.count(c -> c.index(alias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        OpenSearchConnection.close(client);
    }
}

package io.huiwen;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Huiwen's own settings, with their defaults in one place (the names are in INTERFACES.md).
 *
 * @param dataDir     embedded database, search index and caches live here
 * @param demoContent load the demo articles into an empty database
 * @param siteName    shown in the header, feeds and page titles
 * @param siteUrl     the public address, absolute base for feeds, sitemaps, robots.txt and canonical
 *                    links; unset, each request's own address (see {@link SiteUrl})
 * @param nodeId      names this node as the holder of its leases; unset, an id generated once and
 *                    kept in {@code <data-dir>/node-id} (see {@link NodeId})
 * @param db          the embedded database (ignored when {@code spring.datasource.url} points elsewhere)
 * @param search      keeping the search index in step ({@code huiwen.search.*})
 * @param rank        the 热门 ranking ({@code huiwen.rank.*})
 * @param classifier  the category classifier ({@code huiwen.classifier.*})
 * @param admin       the editorial admin ({@code huiwen.admin.*})
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies in front (nginx, an ingress):
 *                    only from these are {@code X-Forwarded-For/-Proto/-Host} believed; empty, the
 *                    default, believes nobody (see {@code web.TrustedProxies})
 */
@ConfigurationProperties("huiwen")
public record HuiwenProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demoContent,
        @DefaultValue("汇闻") String siteName,
        String siteUrl,
        String nodeId,
        @DefaultValue Db db,
        @DefaultValue Search search,
        @DefaultValue Rank rank,
        @DefaultValue Classifier classifier,
        @DefaultValue Admin admin,
        @DefaultValue java.util.List<String> trustedProxies) {

    /**
     * The bean Spring registers these properties as, for {@code @Scheduled} intervals that read them
     * in SpEL (so an interval's default lives here only): {@code "#{@'" + BEAN + "'.rank().flushInterval().toMillis()}"}.
     */
    public static final String BEAN = "huiwen-io.huiwen.HuiwenProperties";

    /**
     * @param writeDelay how long the embedded H2 database may keep committed transactions in
     *                   memory before writing them to its file. 0, the default, writes every commit
     *                   to the file before the commit returns, so whatever Huiwen has acknowledged
     *                   (an import's printed id, an API 200) survives a crash of the process;
     *                   H2's own default, 500ms, loses up to that much acknowledged work.
     */
    public record Db(@DefaultValue("0ms") Duration writeDelay) {}

    /**
     * @param backend         {@code lucene} (an embedded index per node, under the data directory) or
     *                        {@code opensearch} (one index shared by every node, in an OpenSearch cluster)
     * @param syncInterval    how often each node reads the change log: new and changed articles reach
     *                        its index and its caches within about this long
     * @param changeRetention a node that has not read the change log for this long counts as gone:
     *                        the log is pruned without waiting for it, and it rebuilds its index when it
     *                        comes back
     * @param checkInterval   how often each index is compared with the database (article counts); an
     *                        index found wrong twice in a row is rebuilt
     * @param opensearch      the cluster, when {@code backend} is {@code opensearch}
     */
    public record Search(@DefaultValue("lucene") String backend,
                         @DefaultValue("1s") Duration syncInterval,
                         @DefaultValue("7d") Duration changeRetention,
                         @DefaultValue("5m") Duration checkInterval,
                         @DefaultValue OpenSearch opensearch) {

        public boolean openSearch() {
            return backend != null && "opensearch".equalsIgnoreCase(backend.strip());
        }
    }

    /**
     * @param uris           the cluster's HTTP addresses, e.g. {@code http://search1:9200}; several for failover
     * @param index          the alias readers search; each rebuild creates a new index behind it
     * @param username       basic-auth user, when the cluster asks for one
     * @param password       its password
     * @param connectTimeout how long to wait for a connection to a node
     * @param socketTimeout  how long to wait for an answer
     * @param replicas       copies of each shard on other nodes, set on each index a rebuild creates
     *                       (a single node leaves them unassigned and still answers)
     */
    public record OpenSearch(@DefaultValue("http://localhost:9200") java.util.List<String> uris,
                             @DefaultValue("huiwen-articles") String index,
                             String username,
                             String password,
                             @DefaultValue("5s") Duration connectTimeout,
                             @DefaultValue("30s") Duration socketTimeout,
                             @DefaultValue("1") int replicas) {}

    /**
     * @param gravity       how fast an article's views stop counting as it ages (Hacker News style)
     * @param flushInterval how often the views counted in memory are written to the database
     * @param keepRanking   how long a node shows the 热门 list it computed before computing it again;
     *                      its own flushes renew it at once, views counted on other nodes show within
     *                      this plus their flush interval
     * @param viewsPerAddress most views one reader's address (an IPv6 /64) adds in an hour, over
     *                      all articles, so that one client cannot make an article 热门
     */
    public record Rank(@DefaultValue("1.5") double gravity, @DefaultValue("10s") Duration flushInterval,
                       @DefaultValue("30s") Duration keepRanking, @DefaultValue("30") int viewsPerAddress) {}

    /** @param checkInterval how often to look whether the categorised articles grew enough to train again */
    public record Classifier(@DefaultValue("10m") Duration checkInterval) {}

    /**
     * The first admin, user {@code admin}: its password is set from one of these at every start
     * (unset, one is generated on the first start and printed once). Prefer the file or the
     * environment ({@code HUIWEN_ADMIN_PASSWORD}) to {@code --huiwen.admin.password=…}, which every
     * local user sees in {@code ps}.
     *
     * @param password     the first admin's password
     * @param passwordFile a file holding it (its trailing line break is not part of it)
     */
    public record Admin(String password, Path passwordFile) {}

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** {@code huiwen.site-url} without a trailing slash; null when unset (then {@link SiteUrl} follows each request). */
    public String baseUrl() {
        if (siteUrl == null || siteUrl.isBlank()) {
            return null;
        }
        String url = siteUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

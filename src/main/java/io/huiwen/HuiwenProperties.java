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
 * @param siteUrl     absolute base for feeds and sitemaps
 * @param nodeId      names this node as the holder of its leases; unset, an id generated once and
 *                    kept in {@code <data-dir>/node-id} (see {@link NodeId})
 * @param db          the embedded database (ignored when {@code spring.datasource.url} points elsewhere)
 */
@ConfigurationProperties("huiwen")
public record HuiwenProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demoContent,
        @DefaultValue("汇闻") String siteName,
        @DefaultValue("http://localhost:8080") String siteUrl,
        String nodeId,
        @DefaultValue Db db) {

    /**
     * @param writeDelay how long the embedded H2 database may keep committed transactions in
     *                   memory before writing them to its file. 0, the default, writes every commit
     *                   to the file before the commit returns, so whatever Huiwen has acknowledged
     *                   (an import's printed id, an API 200) survives a crash of the process;
     *                   H2's own default, 500ms, loses up to that much acknowledged work.
     */
    public record Db(@DefaultValue("0ms") Duration writeDelay) {}

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** The site URL without a trailing slash, for building absolute links. */
    public String baseUrl() {
        return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }
}

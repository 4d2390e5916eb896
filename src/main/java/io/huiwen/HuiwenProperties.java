package io.huiwen;

import java.nio.file.Path;
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
 */
@ConfigurationProperties("huiwen")
public record HuiwenProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean demoContent,
        @DefaultValue("汇闻") String siteName,
        @DefaultValue("http://localhost:8080") String siteUrl,
        String nodeId) {

    public Path indexDir() {
        return dataDir.resolve("index");
    }

    /** The site URL without a trailing slash, for building absolute links. */
    public String baseUrl() {
        return siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }
}

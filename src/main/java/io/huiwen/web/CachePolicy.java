package io.huiwen.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which reader-facing responses may be kept, and by whom. Pages and feeds are the same for every
 * anonymous reader: browsers and shared caches may keep them briefly, and this node keeps them
 * rendered ({@link PageCache}). A request with an editor's session or credentials may see more
 * (an article awaiting review), so its answer is private and never stored. Static assets whose
 * name carries their content hash never change; errors and redirects are never kept.
 */
final class CachePolicy {

    /** The kinds of response the portal decides caching for; OTHER is left to whoever answers it (Spring Security: no-store). */
    enum Kind {
        PAGE, FEED, SEARCH, ASSET, VERSIONED_ASSET, OTHER;

        /**
         * Rendered and kept in this node's page cache when anonymous. A search page is kept too: the
         * same few queries make most of the searches, and any article change forgets it like the rest.
         */
        boolean kept() {
            return this == PAGE || this == FEED || this == SEARCH;
        }
    }

    static final String SESSION_COOKIE = "SESSION";
    static final String PRIVATE = "private, no-store";
    static final String NO_STORE = "no-store";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Pattern PAGE = Pattern.compile("/|/c/[^/;]+|/a/\\d+|/t/[^/;]+");
    private static final Pattern FEED = Pattern.compile("/feed\\.xml|/atom\\.xml|/sitemap\\.xml|/sitemap-news\\.xml|/robots\\.txt|/c/[^/;]+/feed\\.xml");
    private static final Pattern ASSET = Pattern.compile("/(css|js)/[^;]+|/favicon\\.(ico|svg)");
    /** VersionResourceResolver's content strategy: {@code site-<md5 of the content>.css}. */
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z0-9]+");

    private final PageCacheProperties properties;

    CachePolicy(PageCacheProperties properties) {
        this.properties = properties;
    }

    static Kind kindOf(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return Kind.OTHER;
        }
        if (PAGE.matcher(path).matches()) {
            return Kind.PAGE;
        }
        if (FEED.matcher(path).matches()) {
            return Kind.FEED;
        }
        if ("/search".equals(path)) {
            return Kind.SEARCH;
        }
        if (ASSET.matcher(path).matches()) {
            return VERSIONED.matcher(path).matches() ? Kind.VERSIONED_ASSET : Kind.ASSET;
        }
        return Kind.OTHER;
    }

    /** An editor's session or an API client's credentials: the answer may be personal. */
    static boolean personal(HttpServletRequest request) {
        if (request.getHeader("Authorization") != null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SESSION_COOKIE.equals(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The Cache-Control of a response of this kind and status (200 or 304 may be kept; nothing else is). */
    String cacheControl(Kind kind, boolean personal, int status) {
        if (status != 200 && status != 304) {
            return NO_STORE;
        }
        if (kind == Kind.VERSIONED_ASSET) {
            return IMMUTABLE;
        }
        if (kind == Kind.ASSET) {
            return "public, max-age=" + properties.pageMaxAge().toSeconds(); // an old address some page still names: revalidated soon
        }
        if (personal) {
            return PRIVATE;
        }
        return switch (kind) {
            case PAGE -> shared(properties.pageMaxAge().toSeconds());
            case FEED -> shared(properties.feedMaxAge().toSeconds());
            case SEARCH -> "public, max-age=" + properties.searchMaxAge().toSeconds();
            default -> NO_STORE;
        };
    }

    private String shared(long maxAge) {
        return "public, max-age=" + maxAge + ", stale-while-revalidate=" + properties.staleWhileRevalidate().toSeconds();
    }

    /**
     * What a kept answer varies by. Not Cookie: an answer to a session is private and never stored,
     * so at worst a shared cache gives an editor the anonymous page (harmless), while {@code Vary:
     * Cookie} would split the cache by every reader's unrelated cookies.
     */
    static final String VARY = "Accept-Encoding";
}

package io.huiwen.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Renders, compresses and keeps anonymous readers' pages and feeds in the {@link PageCache} when
 * missing (a hit is usually answered before the filters, by {@link PageCacheValve}; this filter
 * answers it where there is no valve); a page many readers miss at once (it expired, or a change
 * forgot it) is rendered by one of them while the others wait for that copy; sets the caching headers of every reader-facing response
 * ({@link CachePolicy}) and answers 304 to a matching {@code If-None-Match}. Runs before the session
 * and security filters. A page is kept only if it answered 200 with no cookie and no session
 * and said nothing itself about caching; the headers it said of itself are sent again with every
 * copy (the security headers are written before this filter, by {@link FrontDoor}, on every answer).
 * When {@code huiwen.site-url} is unset a page names its own absolute address from the request
 * (canonical link, feeds, robots.txt), so pages are kept by the address they were asked at too: a
 * reader at {@code http://a:9090} is never sent the copy made for {@code https://b}.
 */
class PageCacheFilter extends OncePerRequestFilter {

    static final String X_CACHE = PageCacheHits.X_CACHE;
    /** Headers a copy gets afresh, or must never repeat. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "date", "content-length", "content-type", "content-encoding",
            "transfer-encoding", "etag", "cache-control", "pragma", "expires", "vary", "connection", "keep-alive", "x-cache");

    /** Longest a reader waits for a page another reader is rendering before rendering it too. */
    static final long WAIT_FOR_OTHER_MS = 2_000;

    private final PageCacheHits hits;
    private final PageCache cache;
    /**
     * Pages being rendered, by key: a reader who misses a page that another reader is already
     * rendering waits for that copy instead of rendering it again, so a page that expires or is
     * forgotten under load is rendered once, not once per waiting connection.
     */
    private final ConcurrentHashMap<String, CountDownLatch> underWay = new ConcurrentHashMap<>();
    private final CachePolicy policy;

    PageCacheFilter(PageCacheHits hits, CachePolicy policy) {
        this.hits = hits;
        this.cache = hits.cache();
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.NO_STORE); // an error page is never kept
            chain.doFilter(request, response);
            return;
        }
        CachePolicy.Kind kind = CachePolicy.kindOf(request.getMethod(), request.getRequestURI());
        if (kind == CachePolicy.Kind.OTHER) {
            chain.doFilter(request, response);
            return;
        }
        boolean personal = CachePolicy.personal(request);
        String key = hits.keyOf(request, kind, personal);
        boolean keep = key != null;
        if (keep && hits.sendKept(key, request, response)) {
            return;
        }
        CountDownLatch mine = null;
        if (keep && "GET".equals(request.getMethod())) {
            CountDownLatch latch = new CountDownLatch(1);
            CountDownLatch other = underWay.putIfAbsent(key, latch);
            if (other == null) {
                mine = latch;
            } else if (waitedFor(other) && hits.sendKept(key, request, response)) {
                return;
            }
        }
        try {
            render(request, response, chain, kind, personal, key, keep);
        } finally {
            if (mine != null) {
                underWay.remove(key, mine);
                mine.countDown();
            }
        }
    }

    /** False when the other rendering took too long or this thread was interrupted: then this reader renders the page itself. */
    private static boolean waitedFor(CountDownLatch other) {
        try {
            return other.await(WAIT_FOR_OTHER_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, CachePolicy.Kind kind,
            boolean personal, String key, boolean keep) throws ServletException, IOException {
        long generation = cache.generation();
        response.setHeader(HttpHeaders.CACHE_CONTROL, CachePolicy.NO_STORE); // what a redirect, sent at once, carries
        Rendering rendered = new Rendering(response);
        chain.doFilter(request, rendered);
        int status = rendered.getStatus();
        if (keep && "GET".equals(request.getMethod()) && status == 200 && !rendered.saysHowToCache && keepable(request, response)) {
            RenderedPage page = RenderedPage.of(rendered.getContentType(), headersOf(response, rendered.getContentType()),
                    policy.cacheControl(kind, false, status), rendered.getContentAsByteArray());
            cache.put(key, page, generation);
            response.resetBuffer();
            PageCacheHits.send(page, request, response, "MISS", false);
            return;
        }
        if (!rendered.saysHowToCache) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, policy.cacheControl(kind, personal, status));
        }
        if (status == 200 || status == 304) {
            response.setHeader(HttpHeaders.VARY, CachePolicy.VARY);
        }
        rendered.copyBodyToResponse();
    }

    /** Error pages too: they are rendered in an error dispatch, after the headers set above were reset. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Nothing personal was made on the way: no cookie, no session. */
    private static boolean keepable(HttpServletRequest request, HttpServletResponse response) {
        return !response.containsHeader(HttpHeaders.SET_COOKIE) && request.getSession(false) == null;
    }

    /** The response held back until it is known whether to keep it; notes whether whoever answered said how to cache it. */
    private static final class Rendering extends ContentCachingResponseWrapper {

        boolean saysHowToCache;

        Rendering(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            saysHowToCache |= HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name);
            super.setHeader(name, value);
        }

        @Override
        public void addHeader(String name, String value) {
            saysHowToCache |= HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name);
            super.addHeader(name, value);
        }
    }

    /** What the page said of itself (Content-Language, …); not the security headers, which FrontDoor writes on every answer. */
    private static List<Map.Entry<String, String>> headersOf(HttpServletResponse response, String contentType) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        if (contentType != null && contentType.startsWith("text/html")) {
            // Tomcat keeps the language apart from the other headers until it sends them
            kept.add(Map.entry(HttpHeaders.CONTENT_LANGUAGE, response.getLocale().toLanguageTag()));
        }
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_KEPT.contains(lower) && !SecurityHeaders.NAMES.contains(lower)) {
                response.getHeaders(name).forEach(value -> kept.add(Map.entry(name, value)));
            }
        }
        return kept;
    }
}

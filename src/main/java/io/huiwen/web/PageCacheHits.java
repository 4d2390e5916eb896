package io.huiwen.web;

import io.huiwen.rank.ViewCounter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A kept page sent from the {@link PageCache}: which address it is kept under, and the answer
 * itself, byte for byte as kept, with its entity tag (or a 304). An article page sent from here
 * still counts its view. Shared by {@link PageCacheValve}, which answers hits before Tomcat's
 * filter chain is even built, and {@link PageCacheFilter}, which renders and keeps what is missing
 * (and answers hits itself where there is no valve, as under MockMvc).
 */
final class PageCacheHits {

    static final String X_CACHE = "X-Cache";

    private final PageCache cache;
    private final ViewCounter views;
    private final boolean enabled;
    private final boolean byAddress;

    PageCacheHits(PageCache cache, ViewCounter views, boolean enabled, boolean byAddress) {
        this.cache = cache;
        this.views = views;
        this.enabled = enabled;
        this.byAddress = byAddress;
    }

    PageCache cache() {
        return cache;
    }

    /** The address the answer to this request is kept under, or null when it is not to be kept. */
    String keyOf(HttpServletRequest request, CachePolicy.Kind kind, boolean personal) {
        if (!enabled || !kind.kept() || personal) {
            return null;
        }
        return byAddress ? io.huiwen.SiteUrl.of(request) + key(request) : key(request);
    }

    /** The kept page this GET or HEAD is answered with, its view counted; null when there is none (or it is not a kept kind). */
    RenderedPage keptFor(HttpServletRequest request) {
        CachePolicy.Kind kind = CachePolicy.kindOf(request.getMethod(), request.getRequestURI());
        if (!enabled || !kind.kept()) {
            return null;
        }
        String key = keyOf(request, kind, CachePolicy.personal(request));
        RenderedPage page = key == null ? null : cache.get(key);
        if (page != null) {
            countView(request);
        }
        return page;
    }

    boolean sendKept(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        RenderedPage page = cache.get(key);
        if (page == null) {
            return false;
        }
        countView(request);
        send(page, request, response, "HIT", true);
        return true;
    }

    /**
     * The path and the parameters the page is made from, in name order and encoded alike, so
     * {@code ?q=机器人&page=1} and {@code ?page=1&q=%E6%9C%BA%E5%99%A8%E4%BA%BA} are one page.
     */
    static String key(HttpServletRequest request) {
        if (request.getQueryString() == null && isTomcats(request)) {
            return request.getRequestURI(); // a GET Tomcat read has its parameters only in the query string: none to parse
        }
        var params = request.getParameterMap();
        if (params.isEmpty()) {
            return request.getRequestURI();
        }
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
        new java.util.TreeMap<>(params).forEach((name, values) -> {
            for (String value : values) {
                key.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        return key.toString();
    }

    private void countView(HttpServletRequest request) {
        long article = articleId(request.getRequestURI());
        if (article >= 0) {
            views.count(article, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
        }
    }

    /** The id of an article page's path {@code /a/<digits>}, or -1 for any other path. */
    static long articleId(String path) {
        int digits = path.length() - 3;
        if (digits < 1 || digits > 18 || !path.startsWith("/a/")) {
            return -1;
        }
        long id = 0;
        for (int i = 3; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /**
     * The kept page as this request takes it. {@code fresh}: nothing has written any of its headers
     * yet (only the security headers are on the response), so they are added without Tomcat
     * searching the headers already there for each name; a page kept just now, on the response
     * it was rendered into, replaces what the rendering set.
     */
    static void send(RenderedPage page, HttpServletRequest request, HttpServletResponse response, String cacheState, boolean fresh)
            throws IOException {
        boolean gzip = page.gzip() != null && AcceptEncoding.gzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        for (Map.Entry<String, String> h : page.headLines(gzip, cacheState)) {
            header(response, fresh, h.getKey(), h.getValue());
        }
        if (page.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = gzip ? page.gzip() : page.plain();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        if (gzip) {
            header(response, fresh, HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /**
     * Whether this is Tomcat's own request (as the valve sees it, or its facade), whose parameters for
     * a GET come from the query string alone; a wrapped or mock request may carry parameters without one.
     */
    private static boolean isTomcats(HttpServletRequest request) {
        return request instanceof org.apache.catalina.connector.Request || request instanceof org.apache.catalina.connector.RequestFacade;
    }

    /**
     * A kept page as {@link #send} sends a hit, written into Tomcat's own response by the
     * {@link PageCacheValve}: the headers go in already encoded ({@link RawHeaders}), as does the Date.
     */
    static void sendFromValve(RenderedPage page, org.apache.catalina.connector.Request request,
            org.apache.catalina.connector.Response response) throws IOException {
        boolean gzip = page.gzip() != null && AcceptEncoding.gzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        RawHeaders headers = gzip ? page.gzipHit() : page.plainHit();
        org.apache.coyote.Response tomcat = response.getCoyoteResponse();
        RawHeaders.addDateTo(tomcat);
        if (page.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            headers.addHeadTo(tomcat);
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        headers.addTo(tomcat);
        byte[] body = gzip ? page.gzip() : page.plain();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static void header(HttpServletResponse response, boolean fresh, String name, String value) {
        if (fresh) {
            response.addHeader(name, value);
        } else {
            response.setHeader(name, value);
        }
    }
}

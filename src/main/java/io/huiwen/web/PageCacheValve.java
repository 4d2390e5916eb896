package io.huiwen.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Answers a kept page first thing in the portal's context, before Tomcat builds the request's
 * filter chain: a hit then costs no filter chain, no authenticator valve, no servlet wrapper.
 * Everything before it still runs — the {@link FrontDoor} (security headers, unreadable query
 * strings refused: Tomcat's host skips the context after such a refusal) and the forwarded-header
 * valve the cache key depends on. Anything not kept goes on to the filters, where
 * {@link PageCacheFilter} renders and keeps it.
 */
final class PageCacheValve extends ValveBase {

    private final PageCacheHits hits;

    PageCacheValve(PageCacheHits hits) {
        super(true);
        this.hits = hits;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        RenderedPage page = hits.keptFor(request);
        if (page == null) {
            getNext().invoke(request, response);
        } else {
            PageCacheHits.sendFromValve(page, request, response);
        }
    }
}

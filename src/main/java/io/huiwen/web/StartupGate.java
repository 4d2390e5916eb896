package io.huiwen.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Readers are let in only when the portal can show them something. Tomcat opens its port before
 * the demo articles are loaded and the index has caught up; until Spring Boot declares the
 * application ready (and again while it shuts down) every page answers 503 with
 * {@code Retry-After}, so no empty page is shown or cached. Health probes pass through:
 * {@code /actuator/health/readiness} says DOWN meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the page cache, which holds nothing until the portal is ready
class StartupGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final byte[] PAGE = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>汇闻 · 正在启动</title>
            <meta http-equiv="refresh" content="5"></head><body><h1>汇闻正在启动</h1><p>请稍候，页面几秒后自动刷新。</p></body></html>
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON = "{\"error\":\"Huiwen is starting; try again in a few seconds\"}".getBytes(StandardCharsets.UTF_8);

    private final ApplicationAvailability availability;

    StartupGate(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC || request.getRequestURI().startsWith("/actuator/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = request.getRequestURI().startsWith("/api/");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(api ? "application/json" : "text/html;charset=UTF-8");
        if (!api) {
            response.setHeader("Content-Language", SecurityHeaders.CONTENT_LANGUAGE);
        }
        byte[] body = api ? JSON : PAGE;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

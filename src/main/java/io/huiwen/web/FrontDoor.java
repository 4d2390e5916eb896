package io.huiwen.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Tomcat's first step for every request, before any filter (the page cache included): writes the
 * {@link SecurityHeaders}, answers a query string that cannot be read ({@link QueryStrings}) with a
 * 400 and one WARN line (the portal's error page, or JSON under {@code /api/}, renders it), and turns
 * a redirect to the portal's own host into a path ({@link RelativeRedirects}). A valve rather than a
 * filter so that nothing answers before it: not the page cache, not Tomcat's own error reports.
 */
final class FrontDoor extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

    FrontDoor() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        SecurityHeaders.addToFresh(response);
        String problem = QueryStrings.problem(request.getQueryString(), request.getConnector().getMaxParameterCount());
        if (problem != null) {
            log.warn("400 for {} {}: {}", request.getMethod(), Printable.of(request.getRequestURI()), problem);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
        getNext().invoke(request, response);
        if (response.getStatus() / 100 == 3 && !response.isCommitted()) {
            String relative = RelativeRedirects.relative(response.getHeader(HttpHeaders.LOCATION), request.getServerName());
            if (relative != null) {
                response.setHeader(HttpHeaders.LOCATION, relative);
            }
        }
    }
}

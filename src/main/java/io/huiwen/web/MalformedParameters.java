package io.huiwen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A portal address whose parts are not what the page takes: a path that cannot name anything
 * ({@code /a/abc}) is simply not found, 404; a parameter that cannot be read ({@code ?page=abc}) is
 * a 400. Both show the portal's error page and write one WARN line at most, never a stack trace.
 */
@ControllerAdvice(annotations = PortalPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedParameters {

    private static final Logger log = LoggerFactory.getLogger(MalformedParameters.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        log.warn("400 for {} {}: parameter '{}' is not a valid {}", request.getMethod(), Printable.of(request.getRequestURI()),
                Printable.of(e.getName()), e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}

package io.huiwen.web;

import io.huiwen.article.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A portal page whose data cannot be read because the database is unreachable answers 503 with
 * {@code Retry-After} and a page that says so, as soon as the pool gives up waiting for a
 * connection; a failure of one query stays a 500.
 */
@ControllerAdvice(annotations = PortalPage.class)
class DatabaseOutagePage {

    static final String MESSAGE = "网站暂时无法读取新闻数据，请稍后刷新再试。";

    private final SiteAdvice chrome;

    DatabaseOutagePage(SiteAdvice chrome) {
        this.chrome = chrome;
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    String unavailable(RuntimeException e, HttpServletResponse response, Model model) {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        return show(response, model, chrome.site());
    }

    /** Fills in the 503 page; also used by the error controller for failures met outside a controller. */
    static String show(HttpServletResponse response, Model model, SiteChrome site) {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        model.addAttribute("site", site);
        model.addAttribute("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("message", MESSAGE);
        return "error-page";
    }
}

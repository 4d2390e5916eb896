package io.huiwen.web;

import io.huiwen.article.DatabaseUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a reader can meet (unknown page, bad request, server error, database unreachable) as a
 * portal page; under {@code /api/} as {@code {"error": "..."}}, whatever the client accepts, so a
 * script never gets an HTML page (an unknown API path, a wrong method or content type, a refused login).
 */
@Controller
@PortalPage
class PortalErrorController implements ErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri && uri.startsWith("/api/")) {
            if (failure instanceof Throwable t && DatabaseUnavailable.causedBy(t)) {
                status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            }
            writeJson(response, status, apiMessage(status));
            return null;
        }
        if (failure instanceof Throwable t && DatabaseUnavailable.causedBy(t)) {
            return DatabaseOutagePage.show(response, model, (SiteChrome) model.getAttribute("site"));
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", switch (status) {
            case 404 -> "您要找的页面不存在，可能已被删除或地址有误。";
            case 400 -> "请求有误，请检查地址或参数。";
            case 403, 401 -> "您没有权限访问这个页面。";
            case 405 -> "这个地址不接受这种请求方式。";
            case 406, 415 -> "这个地址不支持所请求或所提交的内容格式。";
            case 413 -> "提交的内容太大。";
            default -> status >= 500 ? "服务器出了点问题，请稍后再试。" : "请求无法处理。";
        });
        return "error-page"; // not "error": that name is Spring Boot's fallback view
    }

    static String apiMessage(int status) {
        return switch (status) {
            case 400 -> "bad request: check the parameters and the request body";
            case 401 -> "authentication required";
            case 403 -> "forbidden";
            case 404 -> "no such API endpoint or resource";
            case 405 -> "method not allowed for this endpoint";
            case 406 -> "not acceptable: this API answers application/json only";
            case 413 -> "request body too large";
            case 415 -> "unsupported content type: send application/json";
            case 503 -> "the service is unavailable; try again in a moment";
            default -> status >= 500 ? "internal server error" : "request refused";
        };
    }

    private static void writeJson(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("error", message));
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

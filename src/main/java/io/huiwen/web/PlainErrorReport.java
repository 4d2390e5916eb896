package io.huiwen.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own answers to what never reaches the application (a request line it refuses, a path
 * with bad percent-encoding, headers too large): a short page in 简体中文, or {@code {"error"}}
 * under {@code /api/}, with the {@link SecurityHeaders}, no Tomcat name or version and no stack
 * trace, and one WARN line in the log. Takes the place of Tomcat's {@code ErrorReportValve}.
 */
public final class PlainErrorReport extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(PlainErrorReport.class);

    private final String siteName;

    public PlainErrorReport() {
        this("汇闻");
    }

    PlainErrorReport(String siteName) {
        this.siteName = siteName;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = request.getRequestURI();
        log.warn("{} for {} {}: {}", status, Printable.of(request.getMethod()), Printable.of(uri),
                Printable.of(throwable != null ? throwable.toString() : response.getMessage()));
        boolean api = uri != null && uri.startsWith("/api/");
        byte[] body = (api ? json(status) : page(status)).getBytes(StandardCharsets.UTF_8);
        try {
            SecurityHeaders.writeTo(response);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(api ? "application/json" : "text/html;charset=UTF-8");
            if (!api) {
                response.setHeader("Content-Language", SecurityHeaders.CONTENT_LANGUAGE);
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken: nothing more to say to it
        }
    }

    private static String json(int status) {
        return "{\"error\":\"" + switch (status) {
            case 400 -> "bad request: the address or its parameters cannot be read";
            case 404 -> "not found";
            case 408 -> "request timed out";
            case 413 -> "request too large";
            case 414, 431 -> "request line or headers too large";
            case 501 -> "method not implemented";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "server error" : "request refused";
        } + "\"}";
    }

    private String page(int status) {
        String message = switch (status) {
            case 400 -> "请求有误：地址或参数无法识别，请检查后再试。";
            case 404 -> "您要找的页面不存在，可能已被删除或地址有误。";
            case 408 -> "请求超时，请稍后再试。";
            case 413 -> "提交的内容太大。";
            case 414, 431 -> "地址或请求头太长。";
            default -> status >= 500 ? "服务器出了点问题，请稍后再试。" : "请求无法处理。";
        };
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status + " 出错了 - " + escape(siteName)
                + "</title></head><body><h1>" + status + " 出错了</h1><p>" + message + "</p><p><a href=\"/\">返回首页</a></p></body></html>\n";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

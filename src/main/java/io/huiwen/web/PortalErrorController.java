package io.huiwen.web;

import io.huiwen.article.DatabaseUnavailable;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every error a reader can meet (unknown page, bad request, server error, database unreachable) as a portal page. */
@Controller
@PortalPage
class PortalErrorController implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && DatabaseUnavailable.causedBy(t)) {
            return DatabaseOutagePage.show(response, model, (SiteChrome) model.getAttribute("site"));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", switch (status) {
            case 404 -> "您要找的页面不存在，可能已被删除或地址有误。";
            case 400 -> "请求有误，请检查地址或参数。";
            case 403, 401 -> "您没有权限访问这个页面。";
            default -> "服务器出了点问题，请稍后再试。";
        });
        return "error-page"; // not "error": that name is Spring Boot's fallback view
    }
}

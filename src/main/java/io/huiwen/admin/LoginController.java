package io.huiwen.admin;

import jakarta.servlet.http.HttpServletRequest;
import io.huiwen.web.PortalPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The editors' sign-in page, in the portal's own look and language, and the page that confirms logging out. */
@Controller
@PortalPage
class LoginController {

    /** The longest wait the login page names (the throttle's longest wait, with room). */
    private static final long LONGEST_WAIT_SECONDS = 3_600;

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        model.addAttribute("wait", waitOf(request.getParameter("wait")));
        return "login";
    }

    /** {@code GET /logout} asks first: logging out is a POST with the CSRF token, so no link elsewhere can do it. */
    @GetMapping("/logout")
    String logout() {
        return "logout";
    }

    /** How long to wait, as the login page says it ({@code 15 秒}, {@code 2 分钟}); null for no or a bad value. */
    static String waitOf(String seconds) {
        if (seconds == null || !seconds.matches("\\d{1,6}")) {
            return null;
        }
        long s = Long.parseLong(seconds);
        return s < 1 || s > LONGEST_WAIT_SECONDS ? null : waitText(s);
    }

    static String waitText(long seconds) {
        return seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
    }
}

package io.huiwen.admin;

import jakarta.servlet.http.HttpServletRequest;
import io.huiwen.web.PortalPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The editors' sign-in page, in the portal's own look and language. */
@Controller
@PortalPage
class LoginController {

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("failed", request.getParameter("error") != null);
        model.addAttribute("loggedOut", request.getParameter("logout") != null);
        return "login";
    }
}

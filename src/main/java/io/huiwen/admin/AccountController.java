package io.huiwen.admin;

import io.huiwen.HuiwenProperties;
import io.huiwen.account.AccountProblem;
import io.huiwen.account.ApiTokens;
import io.huiwen.account.Users;
import io.huiwen.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/account} (any logged-in user): your own password (the current one required; your
 * other sessions end) and your API tokens. A new token is shown in the answer to the form that
 * made it, once, and kept nowhere (not even in the session).
 */
@Controller
@PortalPage
class AccountController {

    private final Users users;
    private final ApiTokens tokens;
    private final boolean adminPasswordConfigured;

    AccountController(Users users, ApiTokens tokens, HuiwenProperties properties) {
        this.users = users;
        this.tokens = tokens;
        this.adminPasswordConfigured = properties.admin().passwordFile() != null
                || (properties.admin().password() != null && !properties.admin().password().isBlank());
    }

    @GetMapping("/admin/account")
    String account(Model model, Principal me) {
        model.addAttribute("user", users.findByName(me.getName()).orElse(null));
        model.addAttribute("username", me.getName());
        model.addAttribute("tokens", tokens.list(me.getName()));
        // the first admin's configured password is set again at every start (see account.FirstAdmin)
        model.addAttribute("passwordFromConfiguration", adminPasswordConfigured && "admin".equals(me.getName()));
        return "admin-account";
    }

    @PostMapping("/admin/account/password")
    String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                    @RequestParam(defaultValue = "") String repeat, Principal me, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            if (!password.equals(repeat)) {
                throw new IllegalArgumentException("两次输入的新密码不一致");
            }
            HttpSession session = request.getSession(false);
            users.changeOwnPassword(me.getName(), current, password, session == null ? null : session.getId());
            redirect.addFlashAttribute("notice", "密码已修改；你在其他地方的登录已结束");
        } catch (AccountProblem | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/account";
    }

    @PostMapping("/admin/account/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, Principal me, Model model, RedirectAttributes redirect) {
        try {
            ApiTokens.NewToken token = tokens.create(me.getName(), name);
            model.addAttribute("newToken", token);
            model.addAttribute("notice", "已新建令牌“" + token.name() + "”。它只显示这一次，请现在复制保存。");
            return account(model, me);
        } catch (AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/account";
        }
    }

    @PostMapping("/admin/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        try {
            tokens.revoke(me.getName(), false, id);
            redirect.addFlashAttribute("notice", "令牌 " + id + " 已吊销");
        } catch (AccountProblem e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/account";
    }
}

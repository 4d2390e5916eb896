package io.huiwen.admin;

import io.huiwen.account.AccountProblem;
import io.huiwen.account.Role;
import io.huiwen.account.Users;
import io.huiwen.web.PortalPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users} (ADMIN): every user with their role and state; create a user, change a
 * role, disable or enable, set a new password, delete (with a tick to confirm). Each form answers
 * with a redirect carrying what happened, or why not, in 简体中文.
 */
@Controller
@PortalPage
class UsersAdminController {

    private final Users users;

    UsersAdminController(Users users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(Model model, Principal me) {
        model.addAttribute("users", users.findAll());
        model.addAttribute("me", me.getName());
        return "admin-users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String role, Principal me, RedirectAttributes redirect) {
        return answer(redirect, () -> {
            var user = users.create(me.getName(), username, password, role.isBlank() ? null : Role.parse(role));
            return "已新建用户 " + user.username() + "（" + user.role().label() + "）";
        });
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@PathVariable long id, @RequestParam(defaultValue = "") String role, Principal me, RedirectAttributes redirect) {
        return answer(redirect, () -> {
            var user = users.changeRole(me.getName(), id, Role.parse(role));
            return user.username() + " 现在是" + user.role().label();
        });
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        return answer(redirect, () -> "已停用 " + users.setEnabled(me.getName(), id, false).username() + "，其登录已全部结束");
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable long id, Principal me, RedirectAttributes redirect) {
        return answer(redirect, () -> "已启用 " + users.setEnabled(me.getName(), id, true).username());
    }

    @PostMapping("/admin/users/{id}/password")
    String password(@PathVariable long id, @RequestParam(defaultValue = "") String password, Principal me, HttpServletRequest request,
                    RedirectAttributes redirect) {
        return answer(redirect, () -> {
            HttpSession session = request.getSession(false);
            users.resetPassword(me.getName(), id, password, session == null ? null : session.getId());
            return "已重设 " + users.findById(id).orElseThrow().username() + " 的密码";
        });
    }

    @PostMapping("/admin/users/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, Principal me, RedirectAttributes redirect) {
        return answer(redirect, () -> {
            String name = users.findById(id).map(u -> u.username()).orElse(null);
            if (name != null && confirm == null) {
                throw new IllegalArgumentException("要删除 " + name + "，请先勾选“确认删除”");
            }
            users.delete(me.getName(), id);
            return "已删除用户 " + name;
        });
    }

    private static String answer(RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (AccountProblem | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}

package io.huiwen.admin;

import java.security.Principal;
import org.springframework.security.core.Authentication;

/**
 * Who looks at an admin page: the name the navigation shows, and whether the ADMIN-only links
 * (来源, 栏目, 用户, 审计日志) show. EDITOR is the other role; the URL rules in SecurityConfig decide
 * what each may open, this only decides what is offered.
 */
public record AdminViewer(String name, boolean admin) {

    /** The signed-in user, or null on a page anyone may open (the login page). */
    static AdminViewer of(Principal principal) {
        if (!(principal instanceof Authentication auth) || !auth.isAuthenticated()) {
            return null;
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        return new AdminViewer(auth.getName(), admin);
    }

    /** The name the audit log records for this user's actions. */
    static String actor(Principal principal) {
        return principal == null ? "unknown" : principal.getName();
    }
}

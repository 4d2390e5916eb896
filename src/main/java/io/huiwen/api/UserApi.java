package io.huiwen.api;

import io.huiwen.account.Role;
import io.huiwen.account.UserAccount;
import io.huiwen.account.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users} (ADMIN only, by the security configuration): list, create, change role,
 * enable or disable, set a password, delete. A user is shown without its password hash.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserApi {

    private final Users users;

    UserApi(Users users) {
        this.users = users;
    }

    /** The body of a create: all three fields needed. */
    record NewUser(String username, String password, String role) {}

    /** The body of a change: any of the three; a missing field stays as it is. */
    record Change(String role, Boolean enabled, String password) {}

    @GetMapping
    Map<String, List<UserAccount>> list() {
        return Map.of("items", users.findAll());
    }

    @GetMapping("/{id}")
    UserAccount get(@PathVariable long id) {
        return users.findById(id).orElseThrow(() -> new ApiNotFoundException("没有编号为 " + id + " 的用户"));
    }

    @PostMapping
    ResponseEntity<UserAccount> create(@RequestBody NewUser user, Principal actor) {
        if (user.role() == null || user.role().isBlank()) {
            throw new IllegalArgumentException("请给出角色：{\"username\", \"password\", \"role\": \"ADMIN\" 或 \"EDITOR\"}");
        }
        UserAccount created = users.create(actor.getName(), user.username(), user.password(), Role.parse(user.role()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    UserAccount change(@PathVariable long id, @RequestBody Change change, Principal actor, HttpServletRequest request) {
        if (change.role() == null && change.enabled() == null && change.password() == null) {
            throw new IllegalArgumentException("请给出要修改的字段：role、enabled 或 password");
        }
        Role role = change.role() == null ? null : Role.parse(change.role());
        HttpSession session = request.getSession(false);
        return users.change(actor.getName(), id, role, change.enabled(), change.password(), session == null ? null : session.getId());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal actor) {
        users.delete(actor.getName(), id);
        return ResponseEntity.noContent().build();
    }
}

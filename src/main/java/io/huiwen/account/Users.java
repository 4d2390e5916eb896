package io.huiwen.account;

import io.huiwen.article.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's users and what ADMINs (and each user for their own password) may do to them.
 * Every change is recorded in the {@link AuditLog} in its own transaction, never with a password
 * or hash. A change that takes rights away (disabled, deleted, another role, a new password) ends
 * the user's sessions on every node in the same transaction: sessions are Spring Session rows in
 * {@code admin_session}, found by their {@code principal_name}.
 */
@Service
public class Users {

    /** What a login checks: the hash stays inside the security configuration. */
    public record Credentials(String username, String passwordHash, Role role, boolean enabled) {}

    private static final String COLUMNS = "id, username, role, enabled, created_at, password_changed_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    public List<UserAccount> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(Users::account).list();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?").param(id).query(Users::account).optional();
    }

    public Optional<UserAccount> findByName(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = ?").param(username).query(Users::account).optional();
    }

    /** The stored hash and state of {@code username}, for the login; empty for an unknown name. */
    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new Credentials(rs.getString("username"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled")))
                .optional();
    }

    @Transactional
    public UserAccount create(String actor, String username, String password, Role role) {
        String name = PasswordRules.username(username);
        PasswordRules.password(password);
        if (role == null) {
            throw AccountProblem.invalid("请选择角色：ADMIN（管理员）或 EDITOR（编辑）");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int inserted = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, enabled, created_at, password_changed_at)
                        VALUES (?, ?, ?, TRUE, ?, ?) ON CONFLICT DO NOTHING""")
                .params(name, encoder.encode(password), role.name(), now, now).update();
        if (inserted == 0) {
            throw AccountProblem.conflict("用户名 " + name + " 已被使用");
        }
        UserAccount user = findByName(name).orElseThrow();
        audit.record(actor, "user.create", "user", user.id(), "新建用户 " + name + "（" + role.label() + "）", null,
                "{\"username\":\"" + name + "\",\"role\":\"" + role + "\",\"enabled\":true}");
        return user;
    }

    @Transactional
    public UserAccount changeRole(String actor, long id, Role role) {
        UserAccount user = locked(id);
        if (role == null) {
            throw AccountProblem.invalid("请选择角色：ADMIN（管理员）或 EDITOR（编辑）");
        }
        if (user.role() == role) {
            return user;
        }
        notYourself(actor, user, "不能修改自己的角色");
        if (user.role() == Role.ADMIN && user.enabled()) {
            keepAnAdmin("不能把最后一个启用的管理员改为编辑");
        }
        jdbc.sql("UPDATE app_user SET role = ? WHERE id = ?").params(role.name(), id).update();
        endSessions(user.username(), null); // a session holds the roles it logged in with
        audit.record(actor, "user.role", "user", id, user.username() + " 的角色：" + user.role().label() + " → " + role.label(),
                user.role().name(), role.name());
        return findById(id).orElseThrow();
    }

    @Transactional
    public UserAccount setEnabled(String actor, long id, boolean enabled) {
        UserAccount user = locked(id);
        if (user.enabled() == enabled) {
            return user;
        }
        if (!enabled) {
            notYourself(actor, user, "不能停用自己的账号");
            if (user.role() == Role.ADMIN) {
                keepAnAdmin("不能停用最后一个启用的管理员");
            }
            endSessions(user.username(), null);
        }
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE id = ?").params(enabled, id).update();
        audit.record(actor, enabled ? "user.enable" : "user.disable", "user", id, (enabled ? "启用用户 " : "停用用户 ") + user.username(),
                user.enabled() ? "enabled" : "disabled", enabled ? "enabled" : "disabled");
        return findById(id).orElseThrow();
    }

    /**
     * An ADMIN sets another user's password (or their own): the user's sessions end, except
     * {@code keepSession}, the one the change is made from.
     */
    @Transactional
    public void resetPassword(String actor, long id, String password, String keepSession) {
        PasswordRules.password(password);
        UserAccount user = locked(id);
        setPassword(user, password, actor.equals(user.username()) ? keepSession : null);
        audit.record(actor, "user.password", "user", id, "重设了 " + user.username() + " 的密码", null, null);
    }

    /** A user changes their own password, giving the current one; their other sessions end. */
    @Transactional
    public void changeOwnPassword(String username, String current, String password, String keepSession) {
        Credentials credentials = credentials(username).orElseThrow(() -> AccountProblem.notFound("没有用户 " + username));
        if (current == null || !encoder.matches(current, credentials.passwordHash())) {
            throw AccountProblem.invalid("当前密码不对");
        }
        PasswordRules.password(password);
        if (password.equals(current)) {
            throw AccountProblem.invalid("新密码不能与当前密码相同");
        }
        UserAccount user = findByName(username).orElseThrow();
        setPassword(user, password, keepSession);
        audit.record(username, "user.password", "user", user.id(), username + " 修改了自己的密码", null, null);
    }

    /** Several changes to one user (each may be null) in one transaction: all are made, or none. */
    @Transactional
    public UserAccount change(String actor, long id, Role role, Boolean enabled, String password, String keepSession) {
        if (password != null) {
            resetPassword(actor, id, password, keepSession);
        }
        if (role != null) {
            changeRole(actor, id, role);
        }
        if (enabled != null) {
            setEnabled(actor, id, enabled);
        }
        return findById(id).orElseThrow(() -> AccountProblem.notFound("没有编号为 " + id + " 的用户"));
    }

    @Transactional
    public void delete(String actor, long id) {
        UserAccount user = locked(id);
        notYourself(actor, user, "不能删除自己的账号");
        if (user.role() == Role.ADMIN && user.enabled()) {
            keepAnAdmin("不能删除最后一个启用的管理员");
        }
        jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update(); // its tokens go with it (ON DELETE CASCADE)
        endSessions(user.username(), null);
        audit.record(actor, "user.delete", "user", id, "删除用户 " + user.username(),
                "{\"username\":\"" + user.username() + "\",\"role\":\"" + user.role() + "\",\"enabled\":" + user.enabled() + "}", null);
    }

    /** Makes the first ADMIN unless a user by that name exists (another node may be making it at the same moment). */
    @Transactional
    boolean createFirstAdmin(String username, String passwordHash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean made = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, role, enabled, created_at, password_changed_at)
                        VALUES (?, ?, 'ADMIN', TRUE, ?, ?) ON CONFLICT DO NOTHING""")
                .params(username, passwordHash, now, now).update() == 1;
        if (made) {
            audit.record("system", "user.create", "user", findByName(username).orElseThrow().id(), "首次启动：新建管理员 " + username, null,
                    "{\"username\":\"" + username + "\",\"role\":\"ADMIN\",\"enabled\":true}");
        }
        return made;
    }

    /** Sets the password configured for {@code username} when the stored hash does not match it; returns whether it did. */
    @Transactional
    boolean applyConfiguredPassword(String username, String password) {
        Optional<Credentials> credentials = credentials(username);
        if (credentials.isEmpty() || encoder.matches(password, credentials.get().passwordHash())) {
            return false;
        }
        setPassword(findByName(username).orElseThrow(), password, null);
        audit.record("system", "user.password", "user", findByName(username).orElseThrow().id(),
                "按配置 huiwen.admin.password 设置了 " + username + " 的密码", null, null);
        return true;
    }

    private void setPassword(UserAccount user, String password, String keepSession) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?")
                .params(encoder.encode(password), OffsetDateTime.now(clock), user.id()).update();
        endSessions(user.username(), keepSession);
    }

    /** Ends the user's sessions on every node (the rows all nodes read), but {@code keepSession} when given. */
    private void endSessions(String username, String keepSession) {
        if (keepSession == null) {
            jdbc.sql("DELETE FROM admin_session WHERE principal_name = ?").param(username).update();
        } else {
            jdbc.sql("DELETE FROM admin_session WHERE principal_name = ? AND session_id <> ?").params(username, keepSession).update();
        }
    }

    /**
     * The user, locked until the transaction ends, so two changes to one user happen one after the
     * other. The enabled ADMINs are locked first, always in id order: two ADMINs taking each
     * other's rights at the same moment then wait for each other instead of deadlocking, and the
     * second sees what the first did.
     */
    private UserAccount locked(long id) {
        lockAdmins();
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ? FOR UPDATE").param(id).query(Users::account).optional()
                .orElseThrow(() -> AccountProblem.notFound("没有编号为 " + id + " 的用户"));
    }

    /** Refuses when the user changed is the last enabled ADMIN (the ADMINs are locked by {@link #locked}). */
    private void keepAnAdmin(String message) {
        if (lockAdmins().size() <= 1) {
            throw AccountProblem.forbidden(message);
        }
    }

    private List<Long> lockAdmins() {
        return jdbc.sql("SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE ORDER BY id FOR UPDATE").query(Long.class).list();
    }

    private static void notYourself(String actor, UserAccount user, String message) {
        if (user.username().equals(actor)) {
            throw AccountProblem.forbidden(message);
        }
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("password_changed_at", OffsetDateTime.class));
    }
}

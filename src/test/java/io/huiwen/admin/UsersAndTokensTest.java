package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.huiwen.account.AccountProblem;
import io.huiwen.account.Role;
import io.huiwen.account.UserAccount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Users and API tokens as an ADMIN and an EDITOR meet them: the JSON API (201 with the user and
 * never its hash, 409 for a taken name, reasons in 简体中文), the admin pages, sessions ending when
 * a user loses rights, tokens acting as their owner and stopping with them, and the audit log
 * holding every change without a password or hash.
 */
class UsersAndTokensTest extends AccessStack {

    MockHttpServletResponse asAdmin(MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(httpBasic("admin", ADMIN_PASSWORD));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    static String body(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAdminCreatesAUserThroughTheApiAndSeesItWithoutItsHash() throws Exception {
        MockHttpServletResponse created = asAdmin(post("/api/v1/users"), "{\"username\":\"li.hua\",\"password\":\"长江后浪推前浪abc\",\"role\":\"EDITOR\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(body(created)).contains("\"username\":\"li.hua\"", "\"role\":\"EDITOR\"", "\"enabled\":true")
                .doesNotContain("password\":", "bcrypt", "长江");
        assertThat(created.getHeader("Location")).startsWith("/api/v1/users/");
        assertThat(body(asAdmin(get("/api/v1/users"), null))).contains("li.hua").doesNotContain("bcrypt");

        MockHttpServletResponse again = asAdmin(post("/api/v1/users"), "{\"username\":\"li.hua\",\"password\":\"another-password\",\"role\":\"ADMIN\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(body(again)).isEqualTo("{\"error\":\"用户名 li.hua 已被使用\"}");

        assertThat(asAdmin(post("/api/v1/users"), "{\"username\":\"short.pw\",\"password\":\"123456789\",\"role\":\"EDITOR\"}").getStatus()).isEqualTo(400);
        assertThat(body(asAdmin(post("/api/v1/users"), "{\"username\":\"short.pw\",\"password\":\"123456789\",\"role\":\"EDITOR\"}")))
                .contains("密码至少需要 10 个字符");
        assertThat(body(asAdmin(post("/api/v1/users"), "{\"username\":\"Bad Name\",\"password\":\"0123456789\",\"role\":\"EDITOR\"}")))
                .contains("用户名须为 3–32 个字符");
        assertThat(body(asAdmin(post("/api/v1/users"), "{\"username\":\"root.user\",\"password\":\"0123456789\",\"role\":\"ROOT\"}")))
                .contains("角色只能是 ADMIN");
        assertThat(body(asAdmin(post("/api/v1/users"), "{\"username\":\"long.pw\",\"password\":\"" + "密".repeat(25) + "\",\"role\":\"EDITOR\"}")))
                .contains("密码最长 72 字节");
        assertThat(asAdmin(post("/api/v1/users"), "not json").getStatus()).isEqualTo(400);
        assertThat(users.findByName("short.pw")).isEmpty();
        assertThat(users.findByName("root.user")).isEmpty();
    }

    @Test
    void anAdminCanNeitherDeleteNorDisableNorDemoteThemself() throws Exception {
        long me = users.findByName("admin").orElseThrow().id();
        MockHttpServletResponse delete = asAdmin(delete("/api/v1/users/" + me), null);
        assertThat(delete.getStatus()).isEqualTo(403);
        assertThat(body(delete)).contains("不能删除自己的账号");
        assertThat(body(asAdmin(patch("/api/v1/users/" + me), "{\"enabled\":false}"))).contains("不能停用自己的账号");
        assertThat(body(asAdmin(patch("/api/v1/users/" + me), "{\"role\":\"EDITOR\"}"))).contains("不能修改自己的角色");
        assertThat(users.findById(me).orElseThrow()).extracting(UserAccount::role, UserAccount::enabled).containsExactly(Role.ADMIN, true);
        assertThat(asAdmin(delete("/api/v1/users/999999"), null).getStatus()).isEqualTo(404);
    }

    @Test
    void theLastEnabledAdminStaysEvenForACommand() {
        for (UserAccount u : users.findAll()) {
            if (u.role() == Role.ADMIN && !u.username().equals("admin")) {
                users.setEnabled("cli", u.id(), false);
            }
        }
        long admin = users.findByName("admin").orElseThrow().id();
        assertThatThrownBy(() -> users.delete("cli", admin)).isInstanceOf(AccountProblem.class).hasMessage("不能删除最后一个启用的管理员");
        assertThatThrownBy(() -> users.setEnabled("cli", admin, false)).hasMessage("不能停用最后一个启用的管理员");
        assertThatThrownBy(() -> users.changeRole("cli", admin, Role.EDITOR)).hasMessage("不能把最后一个启用的管理员改为编辑");
        assertThat(users.findById(admin).orElseThrow().enabled()).isTrue();
    }

    @Test
    void aPatchThatFailsInPartChangesNothing() throws Exception {
        String name = user("half.change", Role.EDITOR);
        long id = users.findByName(name).orElseThrow().id();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(id).query(String.class).single();
        MockHttpServletResponse answer = asAdmin(patch("/api/v1/users/" + id), "{\"password\":\"a-good-new-password\",\"role\":\"KING\"}");
        assertThat(answer.getStatus()).isEqualTo(400);
        answer = asAdmin(patch("/api/v1/users/" + id), "{\"password\":\"a-good-new-password\",\"role\":\"ADMIN\",\"enabled\":false}");
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(body(answer)).contains("\"role\":\"ADMIN\"", "\"enabled\":false");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(id).query(String.class).single()).isNotEqualTo(hash);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndStopsTheirTokens() throws Exception {
        String name = user("zhang.wei", Role.EDITOR);
        long id = users.findByName(name).orElseThrow().id();
        String session = logIn(name, passwordOf(name));
        String token = bearer(name);
        assertThat(mvc.perform(get("/admin").cookie(session(session))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/tokens").header("Authorization", token)).andReturn().getResponse().getStatus()).isEqualTo(200);

        assertThat(asAdmin(patch("/api/v1/users/" + id), "{\"enabled\":false}").getStatus()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE principal_name = ?", name)).isZero();
        assertThat(mvc.perform(get("/admin").cookie(session(session)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login");
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/tokens").header("Authorization", token)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(body(refused)).startsWith("{\"error\":");
        assertThat(mvc.perform(post("/login").param("username", name).param("password", passwordOf(name)).with(loginForm())
                .with(r -> {
                    r.setRemoteAddr(freshAddress());
                    return r;
                })).andReturn().getResponse().getRedirectedUrl()).as("a disabled user cannot log in").isEqualTo("/login?error");

        assertThat(asAdmin(patch("/api/v1/users/" + id), "{\"enabled\":true}").getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/tokens").header("Authorization", token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(asAdmin(delete("/api/v1/users/" + id), null).getStatus()).isEqualTo(204);
        assertThat(mvc.perform(get("/api/v1/tokens").header("Authorization", token)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void aNewRoleOrPasswordEndsTheUsersSessions() throws Exception {
        String name = user("wang.fang", Role.EDITOR);
        long id = users.findByName(name).orElseThrow().id();
        String first = logIn(name, passwordOf(name));
        assertThat(asAdmin(patch("/api/v1/users/" + id), "{\"role\":\"ADMIN\"}").getStatus()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(first))).as("a session holds its old role").isZero();
        String second = logIn(name, passwordOf(name));
        assertThat(mvc.perform(get("/admin/users").cookie(session(second))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(asAdmin(patch("/api/v1/users/" + id), "{\"password\":\"" + passwordOf(name) + "\"}").getStatus()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(second))).isZero();
        users.changeRole("cli", id, Role.EDITOR);
    }

    @Test
    void tokensAreShownOnceKeptAsHashesAndListedForTheirOwner() throws Exception {
        String name = user("token.owner", Role.EDITOR);
        String basic = name;
        MockHttpServletResponse created = mvc.perform(post("/api/v1/tokens").with(httpBasic(basic, passwordOf(name)))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"夜间导入\"}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        String token = body(created).replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(body(created)).contains("\"id\":", "\"name\":\"夜间导入\"");
        assertThat(token).startsWith("hw_").hasSizeGreaterThan(40);
        assertThat(count("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", token)).as("the token itself is stored nowhere").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = '夜间导入' AND last_used_at IS NULL").query(Long.class).single()).isEqualTo(1);

        String listed = body(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andReturn().getResponse());
        assertThat(listed).contains("夜间导入", "\"owner\":\"" + name + "\"").doesNotContain(token).doesNotContain("test token of admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE name = '夜间导入' AND last_used_at IS NOT NULL").query(Long.class).single())
                .as("its last use noted").isEqualTo(1);
        assertThat(body(asAdmin(get("/api/v1/tokens"), null))).as("an ADMIN sees everyone's").contains("夜间导入");

        long id = Long.parseLong(body(created).replaceAll(".*\"id\":(\\d+).*", "$1"));
        long others = tokens.create("admin", "admin's own").id();
        assertThat(mvc.perform(delete("/api/v1/tokens/" + others).header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
                .as("an editor cannot revoke another's token").isEqualTo(404);
        assertThat(mvc.perform(delete("/api/v1/tokens/" + id).header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        assertThat(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus())
                .as("revoked").isEqualTo(401);
        assertThat(mvc.perform(get("/api/v1/tokens").header("Authorization", "Bearer hw_made-up")).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(asAdmin(post("/api/v1/tokens"), "{\"name\":\"\"}").getStatus()).isEqualTo(400);
    }

    @Test
    void theUsersPageCreatesUsersAndSaysWhyNotInChinese() throws Exception {
        String session = logIn("admin", ADMIN_PASSWORD);
        String location = mvc.perform(post("/admin/users").cookie(session(session)).with(csrfFor(session))
                .param("username", "chen.jing").param("password", "一二三四五六七八九十").param("role", "EDITOR")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/admin/users");
        var flash = mvc.perform(post("/admin/users").cookie(session(session)).with(csrfFor(session))
                .param("username", "chen.jing").param("password", "short").param("role", "EDITOR")).andReturn().getFlashMap();
        assertThat(flash.get("error")).isEqualTo("密码至少需要 10 个字符");
        String page = body(mvc.perform(get("/admin/users").cookie(session(session))).andReturn().getResponse());
        assertThat(page).contains("用户管理", "chen.jing", "新建用户", "name=\"_csrf\"").doesNotContain("bcrypt");
        long id = users.findByName("chen.jing").orElseThrow().id();
        flash = mvc.perform(post("/admin/users/" + id + "/delete").cookie(session(session)).with(csrfFor(session))).andReturn().getFlashMap();
        assertThat(flash.get("error")).isEqualTo("要删除 chen.jing，请先勾选“确认删除”");
        flash = mvc.perform(post("/admin/users/" + id + "/delete").param("confirm", "yes").cookie(session(session)).with(csrfFor(session))).andReturn().getFlashMap();
        assertThat(flash.get("notice")).isEqualTo("已删除用户 chen.jing");
        assertThat(users.findByName("chen.jing")).isEmpty();
    }

    @Test
    void theAccountPageChangesYourPasswordAndShowsANewTokenOnce() throws Exception {
        String name = user("liu.yang", Role.EDITOR);
        String session = logIn(name, passwordOf(name));
        String other = logIn(name, passwordOf(name));
        var flash = mvc.perform(post("/admin/account/password").cookie(session(session)).with(csrfFor(session))
                .param("current", "wrong-password").param("password", "a-new-password").param("repeat", "a-new-password")).andReturn().getFlashMap();
        assertThat(flash.get("error")).isEqualTo("当前密码不对");
        flash = mvc.perform(post("/admin/account/password").cookie(session(session)).with(csrfFor(session))
                .param("current", passwordOf(name)).param("password", "a-new-password").param("repeat", "another-password")).andReturn().getFlashMap();
        assertThat(flash.get("error")).isEqualTo("两次输入的新密码不一致");
        flash = mvc.perform(post("/admin/account/password").cookie(session(session)).with(csrfFor(session))
                .param("current", passwordOf(name)).param("password", "a-new-password").param("repeat", "a-new-password")).andReturn().getFlashMap();
        assertThat(flash.get("notice")).isEqualTo("密码已修改；你在其他地方的登录已结束");
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(other))).as("the other session ended").isZero();
        assertThat(mvc.perform(get("/admin/account").cookie(session(session))).andReturn().getResponse().getStatus()).as("this one goes on").isEqualTo(200);

        String made = body(mvc.perform(post("/admin/account/tokens").cookie(session(session)).with(csrfFor(session)).param("name", "发稿脚本")).andReturn().getResponse());
        assertThat(made).contains("它只显示这一次", "class=\"new-token\">hw_");
        String token = made.replaceAll("(?s).*class=\"new-token\">(hw_[^<]+)<.*", "$1");
        String later = body(mvc.perform(get("/admin/account").cookie(session(session))).andReturn().getResponse());
        assertThat(later).contains("发稿脚本").doesNotContain(token).doesNotContain("由配置");
        assertThat(mvc.perform(get("/admin").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus()).isEqualTo(200);
        users.resetPassword("cli", users.findByName(name).orElseThrow().id(), passwordOf(name), null);
    }

    @Test
    void theAdminsAccountPageSaysItsPasswordComesFromTheConfiguration() throws Exception {
        String session = logIn("admin", ADMIN_PASSWORD);
        assertThat(body(mvc.perform(get("/admin/account").cookie(session(session))).andReturn().getResponse()))
                .contains("此账号的密码由配置", "下次启动时会恢复为配置中的密码");
    }

    @Test
    void everyChangeIsAuditedWithoutAPasswordOrHash() throws Exception {
        assertThat(asAdmin(post("/api/v1/users"), "{\"username\":\"audit.me\",\"password\":\"audited-password\",\"role\":\"EDITOR\"}").getStatus())
                .isEqualTo(201);
        long id = users.findByName("audit.me").orElseThrow().id();
        asAdmin(patch("/api/v1/users/" + id), "{\"role\":\"ADMIN\"}");
        asAdmin(patch("/api/v1/users/" + id), "{\"enabled\":false}");
        asAdmin(patch("/api/v1/users/" + id), "{\"password\":\"another-audited-password\"}");
        String token = body(mvc.perform(post("/api/v1/tokens").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"审计\"}")).andReturn().getResponse());
        long tokenId = Long.parseLong(token.replaceAll(".*\"id\":(\\d+).*", "$1"));
        asAdmin(delete("/api/v1/tokens/" + tokenId), null);
        asAdmin(delete("/api/v1/users/" + id), null);
        var actions = jdbc.sql("SELECT action FROM audit_log WHERE actor = 'admin' AND ((target_type = 'user' AND target_id = ?) OR "
                + "(target_type = 'token' AND target_id = ?)) ORDER BY id").params(Long.toString(id), Long.toString(tokenId)).query(String.class).list();
        assertThat(actions).containsExactly("user.create", "user.role", "user.disable", "user.password", "token.create", "token.revoke", "user.delete");
        String everything = String.join("\n", jdbc.sql("SELECT COALESCE(summary, '') || COALESCE(before_value, '') || COALESCE(after_value, '') FROM audit_log")
                .query(String.class).list());
        assertThat(everything).doesNotContain("audited-password", "bcrypt", "hw_");
    }
}

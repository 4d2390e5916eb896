package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.huiwen.account.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Logging in and out as an editor does: the throttle after repeated failures (by name and by
 * address, the same for names that do not exist), what the login page says, logging out, the
 * session cookie's flags and a new session id at login.
 */
class LoginTest extends AccessStack {

    @AfterEach
    void forgetFailures() {
        jdbc.sql("DELETE FROM login_attempt").update();
    }

    MockHttpServletResponse login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(loginForm()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn().getResponse();
    }

    /** The page a redirect leads to, its query (such as {@code ?error}) read as a browser sends it. */
    String page(String url) throws Exception {
        String[] parts = url.split("\\?", 2);
        var request = get(parts[0]);
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                request.queryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aHundredWrongPasswordsThenTheRightOneIsRefusedUntilTheBackoffPasses() throws Exception {
        String name = user("guessed.at", Role.EDITOR);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(login(name, "wrong-" + i, freshAddress()).getRedirectedUrl());
        }
        assertThat(answers.subList(0, 5)).as("the first failures are plain failures").containsOnly("/login?error");
        assertThat(answers.get(5)).as("then every attempt waits").isEqualTo("/login?wait=15");
        assertThat(answers.subList(5, 100)).allMatch(a -> a.startsWith("/login?wait="));

        String refused = login(name, passwordOf(name), freshAddress()).getRedirectedUrl();
        assertThat(refused).as("the right password, during the wait").isEqualTo("/login?wait=15");
        assertThat(page(refused)).contains("登录失败次数过多，请在 15 秒后再试。");

        hands().advance(Duration.ofSeconds(16));
        assertThat(login(name, "wrong-again", freshAddress()).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(name, passwordOf(name), freshAddress()).getRedirectedUrl()).as("the wait doubled").isEqualTo("/login?wait=30");
        hands().advance(Duration.ofSeconds(31));
        assertThat(login(name, passwordOf(name), freshAddress()).getRedirectedUrl()).as("after the wait").isEqualTo("/admin");
        assertThat(login(name, "wrong-after-success", freshAddress()).getRedirectedUrl()).as("a success starts the count again").isEqualTo("/login?error");
    }

    @Test
    void theWaitDoublesUpToFifteenMinutes() throws Exception {
        String name = user("slow.guesser", Role.EDITOR);
        for (int i = 0; i < 15; i++) {
            if (i > 0) {
                hands().advance(Duration.ofMinutes(16)); // past any wait, so each failure counts
            }
            login(name, "wrong-" + i, freshAddress());
        }
        String last = login(name, passwordOf(name), freshAddress()).getRedirectedUrl();
        assertThat(last).isEqualTo("/login?wait=900");
        assertThat(page(last)).contains("请在 15 分钟后再试");
        hands().advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(name, passwordOf(name), freshAddress()).getRedirectedUrl()).isEqualTo("/admin");
    }

    @Test
    void anUnknownNameIsAnsweredAsAWrongPasswordAndThrottledTheSame() throws Exception {
        String known = user("known.editor", Role.EDITOR);
        List<String> forKnown = new ArrayList<>();
        List<String> forUnknown = new ArrayList<>();
        long knownNanos = 0;
        long unknownNanos = 0;
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            forKnown.add(login(known, "wrong-" + i, freshAddress()).getRedirectedUrl());
            long middle = System.nanoTime();
            forUnknown.add(login("nobody.here", "wrong-" + i, freshAddress()).getRedirectedUrl());
            long end = System.nanoTime();
            if (i > 0 && i < 5) { // past the first (warming up), before the throttle
                knownNanos += middle - start;
                unknownNanos += end - middle;
            }
        }
        assertThat(forUnknown).isEqualTo(forKnown);
        assertThat(page(forUnknown.get(0))).contains("用户名或密码不对，请重试。");
        assertThat((double) unknownNanos).as("an unknown name's password is checked against a hash too (same timing class)")
                .isGreaterThan(knownNanos * 0.3);

        user("gone.quiet", Role.EDITOR);
        users.setEnabled("cli", users.findByName("gone.quiet").orElseThrow().id(), false);
        assertThat(login("gone.quiet", passwordOf("gone.quiet"), freshAddress()).getRedirectedUrl()).as("a disabled user").isEqualTo("/login?error");
    }

    @Test
    void oneAddressTryingManyNamesIsThrottledToo() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(login("name" + i, "wrong", address).getRedirectedUrl()).isEqualTo("/login?error");
        }
        String editor = user("same.office", Role.EDITOR);
        assertThat(login(editor, passwordOf(editor), address).getRedirectedUrl()).isEqualTo("/login?wait=15");
        assertThat(login(editor, passwordOf(editor), freshAddress()).getRedirectedUrl()).as("from another address").isEqualTo("/admin");
    }

    @Test
    void basicAuthIsThrottledWithAJsonAnswerAndRetryAfter() throws Exception {
        String name = user("basic.script", Role.EDITOR);
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/api/v1/tokens").with(httpBasic(name, "wrong")).with(r -> {
                r.setRemoteAddr(freshAddress());
                return r;
            })).andReturn().getResponse().getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = mvc.perform(get("/api/v1/tokens").with(httpBasic(name, passwordOf(name)))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("15");
        assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"登录失败次数过多，请在 15 秒后再试\"}");
    }

    @Test
    void loggingOutAsksFirstThenEndsTheSessionEverywhere() throws Exception {
        String confirm = page("/logout");
        assertThat(confirm).contains("确认退出", "<form method=\"post\" action=\"/logout\"", "name=\"_csrf\"");

        String session = logIn("admin", ADMIN_PASSWORD);
        assertThat(mvc.perform(post("/logout").cookie(session(session))).andReturn().getResponse().getStatus())
                .as("no CSRF token: refused").isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(session))).isEqualTo(1);

        MockHttpServletResponse out = mvc.perform(post("/logout").cookie(session(session)).with(csrfFor(session))).andReturn().getResponse();
        assertThat(out.getRedirectedUrl()).as("%d %s", out.getStatus(), out.getContentAsString()).isEqualTo("/login?logout");
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(session))).as("the row every node reads").isZero();
        assertThat(mvc.perform(get("/admin").cookie(session(session)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login");
        assertThat(page("/login?logout")).contains("您已退出登录。");
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndSecureOverHttpsAndChangesAtLogin() throws Exception {
        MockHttpServletResponse form = mvc.perform(get("/login").secure(true)).andReturn().getResponse();
        String cookie = form.getHeader("Set-Cookie");
        assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax");
        String before = sessionOf(form);
        MockHttpServletResponse login = mvc.perform(post("/login").secure(true).cookie(session(before)).param("_csrf", csrfField(form.getContentAsString(StandardCharsets.UTF_8)))
                .param("username", "admin").param("password", ADMIN_PASSWORD)).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/admin");
        assertThat(sessionOf(login)).as("a new session id after login (no fixation)").isNotEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(before))).isZero();

        String plain = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie");
        assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void callsWithBearerOrBasicKeepNoSession() throws Exception {
        long sessions = count("SELECT COUNT(*) FROM admin_session");
        String token = bearer("admin");
        List<MockHttpServletResponse> answers = List.of(
                mvc.perform(get("/api/v1/users").header("Authorization", token)).andReturn().getResponse(),
                mvc.perform(get("/admin").header("Authorization", token)).andReturn().getResponse(),
                mvc.perform(get("/admin/users").with(httpBasic("admin", ADMIN_PASSWORD))).andReturn().getResponse(),
                mvc.perform(post("/api/v1/tokens").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"无会话\"}")).andReturn().getResponse(),
                mvc.perform(get("/admin/users").header("Authorization", "Bearer hw_wrong").accept(MediaType.TEXT_HTML)).andReturn().getResponse());
        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsExactly(200, 200, 200, 201, 401);
        assertThat(answers).extracting(a -> a.getHeader("Set-Cookie")).containsOnlyNulls();
        assertThat(count("SELECT COUNT(*) FROM admin_session")).isEqualTo(sessions);
    }
}

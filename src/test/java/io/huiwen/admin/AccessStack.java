package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.huiwen.HandClock;
import io.huiwen.TestDataDir;
import io.huiwen.account.ApiTokens;
import io.huiwen.account.Role;
import io.huiwen.account.Users;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole portal on its own embedded database (demo content loaded), with a clock the tests
 * move by hand (it starts at the real time): the access tests share this one context. It runs the
 * embedded server too, so the session cookie is written as in production (Boot configures Spring
 * Session's cookie from {@code server.servlet.session.cookie.*} only beside an embedded server);
 * requests go through MockMvc. Users and
 * tokens are made through the real services; logins go through the real form. Each test that
 * fails logins does so from an address of its own, since failures per address add up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.collect.enabled=false"})
@AutoConfigureMockMvc
@Import(AccessStack.Hands.class)
abstract class AccessStack {

    static final Path DATA = TestDataDir.create("access");
    static final String ADMIN_PASSWORD = "test-admin";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @TestConfiguration
    static class Hands {
        @Bean
        @Primary
        HandClock handClock() {
            return new HandClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired ApiTokens tokens;
    @Autowired Clock clock;

    HandClock hands() {
        return (HandClock) clock;
    }

    /** A client address no other test logs in from. */
    static String freshAddress() {
        return "10.20.0." + ADDRESSES.incrementAndGet();
    }

    /** The user {@code name} with {@code role} and password {@code name + "-password"}, made once. */
    String user(String name, Role role) {
        if (users.findByName(name).isEmpty()) {
            users.create("test", name, name + "-password", role);
        }
        return name;
    }

    static String passwordOf(String name) {
        return "admin".equals(name) ? ADMIN_PASSWORD : name + "-password";
    }

    /** Logs in through the form; answers the session cookie's value. */
    String logIn(String username, String password) throws Exception {
        MockHttpServletResponse login = mvc.perform(post("/login").param("username", username).param("password", password).with(loginForm())
                .with(r -> {
                    r.setRemoteAddr(freshAddress());
                    return r;
                })).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).as("login of %s", username).isEqualTo("/admin");
        return sessionOf(login);
    }

    /**
     * What a browser sends with the login form: the session cookie and CSRF field the login page
     * handed out. (Spring Security's {@code csrf()} test helper is not used in these tests: it swaps
     * the CSRF filter's token store for the whole context, hiding how the real one behaves.)
     */
    RequestPostProcessor loginForm() throws Exception {
        MockHttpServletResponse form = mvc.perform(get("/login")).andReturn().getResponse();
        String cookie = sessionOf(form);
        String token = csrfField(form.getContentAsString(StandardCharsets.UTF_8));
        return r -> {
            r.setCookies(session(cookie));
            r.addParameter("_csrf", token);
            return r;
        };
    }

    /** The CSRF header a page of this session's would let a script send ({@code X-CSRF-TOKEN}). */
    RequestPostProcessor csrfFor(String session) throws Exception {
        String token = csrfOf(session);
        return r -> {
            r.addHeader("X-CSRF-TOKEN", token);
            return r;
        };
    }

    static String csrfField(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    static String sessionOf(MockHttpServletResponse response) {
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).as("a session cookie").startsWith("SESSION=");
        return setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
    }

    /** The session's id as stored in admin_session (the cookie carries it Base64-encoded). */
    static String idOf(String cookieValue) {
        return new String(java.util.Base64.getDecoder().decode(cookieValue), StandardCharsets.UTF_8);
    }

    static Cookie session(String value) {
        return new Cookie("SESSION", value);
    }

    /** The CSRF token a page hands out to this session (its hidden form field). */
    String csrfOf(String session) throws Exception {
        return csrfField(mvc.perform(get("/admin/account").cookie(session(session))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String bearer(String username) {
        return "Bearer " + tokens.create(username, "test token of " + username).token();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}

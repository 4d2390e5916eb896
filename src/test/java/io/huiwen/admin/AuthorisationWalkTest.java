package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import io.huiwen.account.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every admin page and every write endpoint, asked as anonymous, as an EDITOR and
 * as an ADMIN, each logged in three ways (session with its CSRF token, Bearer token, HTTP Basic);
 * anonymous calls carry no CSRF token, as a visitor's would not:
 * anonymous browsers are sent to {@code /login} and anonymous API callers get {@code 401 {"error"}};
 * an EDITOR gets 403 where only an ADMIN may go; whoever may go gets the endpoint's own answer
 * (ids that do not exist and empty bodies, so nothing is changed: a 404 or a 400 from the
 * controller shows the request got past the security rules).
 */
class AuthorisationWalkTest extends AccessStack {

    /** One endpoint and the least role it needs. */
    record Call(String method, String path, String json, Role least) {
        boolean page() {
            return path.startsWith("/admin");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final long NONE = 999_999;

    static final List<Call> CALLS = List.of(
            // admin pages and their forms
            new Call("GET", "/admin", null, Role.EDITOR),
            new Call("GET", "/admin/account", null, Role.EDITOR),
            new Call("GET", "/admin/sources", null, Role.ADMIN),
            new Call("GET", "/admin/users", null, Role.ADMIN),
            new Call("POST", "/admin/articles/" + NONE + "/publish", null, Role.EDITOR),
            new Call("POST", "/admin/sources/" + NONE + "/run", null, Role.ADMIN),
            new Call("POST", "/admin/users", null, Role.ADMIN),
            new Call("POST", "/admin/users/" + NONE + "/role", null, Role.ADMIN),
            new Call("POST", "/admin/users/" + NONE + "/disable", null, Role.ADMIN),
            new Call("POST", "/admin/users/" + NONE + "/enable", null, Role.ADMIN),
            new Call("POST", "/admin/users/" + NONE + "/password", null, Role.ADMIN),
            new Call("POST", "/admin/users/" + NONE + "/delete", null, Role.ADMIN),
            new Call("POST", "/admin/account/password", null, Role.EDITOR),
            new Call("POST", "/admin/account/tokens", null, Role.EDITOR),
            new Call("POST", "/admin/account/tokens/" + NONE + "/revoke", null, Role.EDITOR),
            // corrections and takedowns
            new Call("GET", "/admin/articles", null, Role.EDITOR),
            new Call("GET", "/admin/articles/" + NONE, null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE, null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE + "/unpublish", null, Role.EDITOR),
            new Call("GET", "/admin/articles/" + NONE + "/delete", null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE + "/delete", null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE + "/split", null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE + "/merge", null, Role.EDITOR),
            new Call("POST", "/admin/articles/" + NONE + "/reextract", null, Role.EDITOR),
            new Call("GET", "/admin/audit", null, Role.ADMIN),
            // categories and sources
            new Call("GET", "/admin/categories", null, Role.ADMIN),
            new Call("POST", "/admin/categories", null, Role.ADMIN),
            new Call("POST", "/admin/categories/" + NONE + "/rename", null, Role.ADMIN),
            new Call("POST", "/admin/categories/" + NONE + "/move", null, Role.ADMIN),
            new Call("POST", "/admin/categories/" + NONE + "/aliases", null, Role.ADMIN),
            new Call("GET", "/admin/categories/" + NONE + "/delete", null, Role.ADMIN),
            new Call("POST", "/admin/categories/" + NONE + "/delete", null, Role.ADMIN),
            new Call("GET", "/admin/sources/new", null, Role.ADMIN),
            new Call("POST", "/admin/sources", null, Role.ADMIN),
            new Call("GET", "/admin/sources/" + NONE + "/edit", null, Role.ADMIN),
            new Call("POST", "/admin/sources/" + NONE, null, Role.ADMIN),
            new Call("POST", "/admin/sources/" + NONE + "/disable", null, Role.ADMIN),
            new Call("POST", "/admin/sources/" + NONE + "/enable", null, Role.ADMIN),
            new Call("GET", "/admin/sources/" + NONE + "/delete", null, Role.ADMIN),
            new Call("POST", "/admin/sources/" + NONE + "/delete", null, Role.ADMIN),
            // the API's writes, and its reads that are not public
            new Call("POST", "/api/v1/articles/" + NONE + "/publish", null, Role.EDITOR),
            new Call("POST", "/api/v1/articles/" + NONE + "/category", "{\"category\":\"caijing\"}", Role.EDITOR),
            new Call("POST", "/api/v1/articles/" + NONE + "/split", null, Role.EDITOR),
            new Call("POST", "/api/v1/stories/merge", "{}", Role.EDITOR),
            new Call("POST", "/api/v1/articles/" + NONE + "/unpublish", null, Role.EDITOR),
            new Call("PATCH", "/api/v1/articles/" + NONE, "{\"title\":\"新标题\"}", Role.EDITOR),
            new Call("DELETE", "/api/v1/articles/" + NONE, null, Role.EDITOR),
            new Call("POST", "/api/v1/articles/" + NONE + "/reextract", null, Role.EDITOR),
            new Call("GET", "/api/v1/articles?status=review", null, Role.EDITOR),
            new Call("GET", "/api/v1/sources", null, Role.ADMIN),
            new Call("GET", "/api/v1/sources/" + NONE, null, Role.ADMIN),
            new Call("POST", "/api/v1/sources", "{}", Role.ADMIN),
            new Call("PATCH", "/api/v1/sources/" + NONE, "{}", Role.ADMIN),
            new Call("DELETE", "/api/v1/sources/" + NONE, null, Role.ADMIN),
            new Call("POST", "/api/v1/sources/" + NONE + "/run", null, Role.ADMIN),
            new Call("GET", "/api/v1/users", null, Role.ADMIN),
            new Call("GET", "/api/v1/users/" + NONE, null, Role.ADMIN),
            new Call("POST", "/api/v1/users", "{}", Role.ADMIN),
            new Call("PATCH", "/api/v1/users/" + NONE, "{\"role\":\"EDITOR\"}", Role.ADMIN),
            new Call("DELETE", "/api/v1/users/" + NONE, null, Role.ADMIN),
            new Call("GET", "/api/v1/tokens", null, Role.EDITOR),
            new Call("POST", "/api/v1/tokens", "{}", Role.EDITOR),
            new Call("DELETE", "/api/v1/tokens/" + NONE, null, Role.EDITOR),
            // metrics
            new Call("GET", "/actuator/prometheus", null, Role.ADMIN));

    enum Way { SESSION, BEARER, BASIC }

    String editor;
    String editorSession;
    String adminSession;
    String editorToken;
    String adminToken;
    RequestPostProcessor editorCsrf;
    RequestPostProcessor adminCsrf;

    @BeforeEach
    void usersLoggedIn() throws Exception {
        editor = user("walk-editor", Role.EDITOR);
        editorSession = logIn(editor, passwordOf(editor));
        adminSession = logIn("admin", ADMIN_PASSWORD);
        editorToken = bearer(editor);
        adminToken = bearer("admin");
        editorCsrf = csrfFor(editorSession);
        adminCsrf = csrfFor(adminSession);
    }

    MockHttpServletResponse call(Call call, Role who, Way way) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(call.method()), call.path())
                .accept(call.page() ? MediaType.TEXT_HTML : MediaType.APPLICATION_JSON);
        if (call.json() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(call.json());
        }
        if (who != null) {
            String name = who == Role.ADMIN ? "admin" : editor;
            switch (way) {
                case SESSION -> request.cookie(session(who == Role.ADMIN ? adminSession : editorSession))
                        .with(who == Role.ADMIN ? adminCsrf : editorCsrf);
                case BEARER -> request.header("Authorization", who == Role.ADMIN ? adminToken : editorToken);
                case BASIC -> request.with(httpBasic(name, passwordOf(name)));
            }
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @Test
    void anonymousBrowsersAreSentToTheLoginAndAnonymousApiCallersGetJson401() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Call call : CALLS) {
            MockHttpServletResponse answer = call(call, null, null);
            if (call.page()) {
                if (answer.getStatus() != 302 || !"/login".equals(answer.getRedirectedUrl())) {
                    wrong.add(call + " → " + answer.getStatus() + " " + answer.getRedirectedUrl());
                }
            } else if (answer.getStatus() != 401 || answer.getHeader("WWW-Authenticate") == null
                    || (call.path().startsWith("/api/") && !answer.getContentAsString(StandardCharsets.UTF_8).startsWith("{\"error\":"))) {
                wrong.add(call + " → " + answer.getStatus() + " " + answer.getContentAsString(StandardCharsets.UTF_8));
            }
        }
        assertThat(wrong).as("anonymous answers that are not the login redirect or a JSON 401").isEmpty();
    }

    @Test
    void anEditorIsRefusedWhereOnlyAnAdminMayGoAndLetThroughElsewhere() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Way way : Way.values()) {
            for (Call call : CALLS) {
                MockHttpServletResponse answer = call(call, Role.EDITOR, way);
                String body = answer.getContentAsString(StandardCharsets.UTF_8);
                if (call.least() == Role.ADMIN) {
                    boolean json = !call.path().startsWith("/api/") || body.startsWith("{\"error\":");
                    if (answer.getStatus() != 403 || !json) {
                        wrong.add(way + " " + call + " → " + answer.getStatus() + " " + body);
                    }
                } else if (refused(answer)) {
                    wrong.add(way + " " + call + " → " + answer.getStatus() + " " + answer.getRedirectedUrl());
                }
            }
        }
        assertThat(wrong).as("an EDITOR's answers").isEmpty();
    }

    @Test
    void anAdminIsLetThroughEverywhere() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Way way : Way.values()) {
            for (Call call : CALLS) {
                MockHttpServletResponse answer = call(call, Role.ADMIN, way);
                if (refused(answer)) {
                    wrong.add(way + " " + call + " → " + answer.getStatus() + " " + answer.getRedirectedUrl());
                }
            }
        }
        assertThat(wrong).as("an ADMIN's answers").isEmpty();
    }

    /** The places other parts of the newsroom build (categories, audit) are ADMIN-only already. */
    @Test
    void theReservedAdminOnlyPlacesRefuseAnEditor() throws Exception {
        for (Call call : List.of(new Call("GET", "/admin/categories", null, Role.ADMIN), new Call("GET", "/admin/audit", null, Role.ADMIN),
                new Call("POST", "/api/v1/categories", "{}", Role.ADMIN), new Call("GET", "/actuator/info", null, Role.ADMIN))) {
            assertThat(call(call, Role.EDITOR, Way.BEARER).getStatus()).as("%s as an EDITOR", call).isEqualTo(403);
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/categories")).andReturn().getResponse().getStatus())
                .as("category reads stay public").isEqualTo(200);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private static boolean refused(MockHttpServletResponse answer) {
        String location = answer.getRedirectedUrl();
        return answer.getStatus() == 401 || answer.getStatus() == 403 || (location != null && location.startsWith("/login"));
    }
}

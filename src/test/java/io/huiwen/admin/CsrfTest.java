package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.huiwen.account.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What another site can make a logged-in editor's browser send: the session cookie, an
 * {@code Origin: https://evil.example}, no CSRF token. Every write endpoint refuses it with 403 and
 * the stored rows stay as they were; the same request with the token the admin pages hand out (as
 * the {@code X-CSRF-TOKEN} header) goes through, and so does one authenticated by its own
 * Authorization header, which no browser adds cross-site.
 */
class CsrfTest extends AccessStack {

    static final String EVIL = "https://evil.example";

    String session;
    long review;
    long recategorised;
    long categoryBefore;
    long inStory;
    long storyBefore;
    long otherStory;
    long source;
    long victim;
    long token;

    @BeforeEach
    void rowsToAttack() throws Exception {
        session = logIn("admin", ADMIN_PASSWORD);
        List<Long> ids = jdbc.sql("SELECT id FROM article WHERE status = 'published' ORDER BY id").query(Long.class).list();
        review = ids.get(0);
        jdbc.sql("UPDATE article SET status = 'review' WHERE id = ?").param(review).update();
        recategorised = ids.get(1);
        categoryBefore = count("SELECT category_id FROM article WHERE id = ?", recategorised);
        inStory = jdbc.sql("SELECT MAX(id) FROM article WHERE story_id IN (SELECT story_id FROM article GROUP BY story_id HAVING COUNT(*) > 1)")
                .query(Long.class).single();
        storyBefore = count("SELECT story_id FROM article WHERE id = ?", inStory);
        otherStory = jdbc.sql("SELECT MIN(story_id) FROM article WHERE story_id <> ?").param(storyBefore).query(Long.class).single();
        String created = mvc.perform(post("/api/v1/sources").with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"港城日报\",\"url\":\"https://gangcheng.example.cn/rss-" + System.nanoTime() + ".xml\",\"type\":\"feed\"}"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        source = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
        victim = users.findByName(user("csrf-victim", Role.EDITOR)).orElseThrow().id();
        token = tokens.create("admin", "csrf test").id();
    }

    /** The session cookie and another site's Origin, nothing else. */
    MockHttpServletRequestBuilder fromAnotherSite(MockHttpServletRequestBuilder request) {
        return request.cookie(session(session)).header("Origin", EVIL).header("Referer", EVIL + "/page");
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    Map<String, Object> stored() {
        return Map.ofEntries(
                Map.entry("review status", jdbc.sql("SELECT status FROM article WHERE id = ?").param(review).query(String.class).single()),
                Map.entry("category", count("SELECT category_id FROM article WHERE id = ?", recategorised)),
                Map.entry("story", count("SELECT story_id FROM article WHERE id = ?", inStory)),
                Map.entry("other story's articles", count("SELECT COUNT(*) FROM article WHERE story_id = ?", otherStory)),
                Map.entry("source", jdbc.sql("SELECT name || '|' || enabled || '|' || COALESCE(CAST(last_poll_at AS VARCHAR), '-') FROM source WHERE id = ?")
                        .param(source).query(String.class).optional().orElse("gone")),
                Map.entry("sources", count("SELECT COUNT(*) FROM source")),
                Map.entry("victim", jdbc.sql("SELECT role || '|' || enabled || '|' || password_hash FROM app_user WHERE id = ?").param(victim)
                        .query(String.class).optional().orElse("gone")),
                Map.entry("users", count("SELECT COUNT(*) FROM app_user")),
                Map.entry("tokens", count("SELECT COUNT(*) FROM api_token")),
                Map.entry("audit", count("SELECT COUNT(*) FROM audit_log")),
                Map.entry("an article", jdbc.sql("SELECT title || '|' || status || '|' || COALESCE(excerpt, '') FROM article WHERE id = ?")
                        .param(recategorised).query(String.class).optional().orElse("gone")),
                Map.entry("articles", count("SELECT COUNT(*) FROM article")),
                Map.entry("categories", jdbc.sql("SELECT slug || '|' || name || '|' || position || '|' || aliases FROM category ORDER BY id")
                        .query(String.class).list()));
    }

    @Test
    void everyWriteWithOnlyTheSessionCookieFromAnotherSiteIsRefusedAndChangesNothing() throws Exception {
        Map<String, Object> before = stored();
        Map<MockHttpServletRequestBuilder, String> attacks = new java.util.LinkedHashMap<>();
        attacks.put(post("/api/v1/articles/" + review + "/publish"), null);
        attacks.put(post("/api/v1/articles/" + recategorised + "/category"), "{\"category\":\"tiyu\"}");
        attacks.put(post("/api/v1/articles/" + inStory + "/split"), null);
        attacks.put(post("/api/v1/stories/merge"), "{\"into\":" + storyBefore + ",\"from\":" + otherStory + "}");
        attacks.put(post("/api/v1/sources"), "{\"name\":\"恶意来源\",\"url\":\"https://evil.example/rss.xml\",\"type\":\"feed\"}");
        attacks.put(patch("/api/v1/sources/" + source), "{\"name\":\"被改的名字\",\"enabled\":false}");
        attacks.put(post("/api/v1/sources/" + source + "/run"), null);
        attacks.put(delete("/api/v1/sources/" + source), null);
        attacks.put(post("/api/v1/users"), "{\"username\":\"intruder\",\"password\":\"intruder-password\",\"role\":\"ADMIN\"}");
        attacks.put(patch("/api/v1/users/" + victim), "{\"role\":\"ADMIN\",\"password\":\"taken-over-password\"}");
        attacks.put(delete("/api/v1/users/" + victim), null);
        attacks.put(post("/api/v1/tokens"), "{\"name\":\"stolen\"}");
        attacks.put(delete("/api/v1/tokens/" + token), null);
        attacks.put(post("/admin/articles/" + review + "/publish").param("category", "caijing"), null);
        attacks.put(post("/admin/sources/" + source + "/run"), null);
        attacks.put(post("/admin/users").param("username", "intruder").param("password", "intruder-password").param("role", "ADMIN"), null);
        attacks.put(post("/admin/users/" + victim + "/role").param("role", "ADMIN"), null);
        attacks.put(post("/admin/users/" + victim + "/disable"), null);
        attacks.put(post("/admin/users/" + victim + "/password").param("password", "taken-over-password"), null);
        attacks.put(post("/admin/users/" + victim + "/delete").param("confirm", "yes"), null);
        attacks.put(post("/admin/account/password").param("current", ADMIN_PASSWORD).param("password", "taken-over-password")
                .param("repeat", "taken-over-password"), null);
        attacks.put(post("/admin/account/tokens").param("name", "stolen"), null);
        attacks.put(post("/admin/account/tokens/" + token + "/revoke"), null);
        // corrections and takedowns
        attacks.put(post("/api/v1/articles/" + recategorised + "/unpublish"), null);
        attacks.put(patch("/api/v1/articles/" + recategorised), "{\"title\":\"被篡改的标题\",\"excerpt\":\"假摘要\"}");
        attacks.put(delete("/api/v1/articles/" + recategorised), null);
        attacks.put(post("/api/v1/articles/" + recategorised + "/reextract"), null);
        attacks.put(post("/admin/articles/" + recategorised).param("title", "被篡改的标题").param("excerpt", "假摘要"), null);
        attacks.put(post("/admin/articles/" + recategorised + "/unpublish"), null);
        attacks.put(post("/admin/articles/" + recategorised + "/delete"), null);
        attacks.put(post("/admin/articles/" + inStory + "/split"), null);
        attacks.put(post("/admin/articles/" + inStory + "/merge").param("story", Long.toString(otherStory)), null);
        attacks.put(post("/admin/articles/" + recategorised + "/reextract"), null);
        // categories and sources
        long keji = count("SELECT id FROM category WHERE slug = 'keji'");
        attacks.put(post("/admin/categories").param("slug", "evil").param("name", "恶意栏目"), null);
        attacks.put(post("/admin/categories/" + keji + "/rename").param("name", "被改名"), null);
        attacks.put(post("/admin/categories/" + keji + "/move").param("step", "1"), null);
        attacks.put(post("/admin/categories/" + keji + "/aliases").param("aliases", "恶意"), null);
        attacks.put(post("/admin/categories/" + keji + "/delete").param("moveTo", "caijing"), null);
        attacks.put(post("/admin/sources").param("name", "恶意来源").param("url", "https://evil.example/rss.xml").param("type", "feed"), null);
        attacks.put(post("/admin/sources/" + source).param("name", "被改的名字").param("url", "https://evil.example/rss.xml").param("type", "feed"), null);
        attacks.put(post("/admin/sources/" + source + "/disable"), null);
        attacks.put(post("/admin/sources/" + source + "/delete"), null);
        for (var attack : attacks.entrySet()) {
            MockHttpServletResponse answer = send(fromAnotherSite(attack.getKey()), attack.getValue());
            String what = attack.getKey().buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            assertThat(answer.getStatus()).as("%s with only the session cookie", what).isEqualTo(403);
            if (what.startsWith("/api/")) {
                assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).as(what).startsWith("{\"error\":").contains("CSRF");
            }
        }
        assertThat(stored()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM admin_session WHERE session_id = ?", idOf(session))).as("still logged in").isEqualTo(1);
    }

    @Test
    void theSameCallWithTheTokenThePagesHandOutGoesThrough() throws Exception {
        String csrf = csrfOf(session);
        MockHttpServletResponse answer = send(fromAnotherSite(post("/api/v1/articles/" + review + "/publish")).header("X-CSRF-TOKEN", csrf), null);
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(review).query(String.class).single()).isEqualTo("published");
        assertThat(send(fromAnotherSite(delete("/api/v1/sources/" + source)).header("X-CSRF-TOKEN", csrf), null).getStatus()).isEqualTo(204);
        assertThat(count("SELECT COUNT(*) FROM source WHERE id = ?", source)).isZero();
    }

    @Test
    void aCallAuthenticatedByItsAuthorizationHeaderNeedsNoCsrfTokenAndIgnoresTheSessionCookie() throws Exception {
        String bearer = bearer("admin");
        assertThat(send(fromAnotherSite(post("/api/v1/articles/" + review + "/publish")).header("Authorization", bearer), null).getStatus())
                .isEqualTo(200);
        assertThat(jdbc.sql("SELECT status FROM article WHERE id = ?").param(review).query(String.class).single()).isEqualTo("published");

        // a wrong Basic password beside a valid session is refused, not answered from the session
        MockHttpServletResponse wrong = send(fromAnotherSite(post("/api/v1/articles/" + inStory + "/split"))
                .with(httpBasic("admin", "not-the-password")).with(r -> {
                    r.setRemoteAddr(freshAddress());
                    return r;
                }), null);
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(count("SELECT story_id FROM article WHERE id = ?", inStory)).isEqualTo(storyBefore);
        jdbc.sql("DELETE FROM login_attempt").update(); // the failure above counted against 'admin'
    }
}

package io.huiwen.api;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.admin.AdminSecurity;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.EditorialDesk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The editors' calls of {@link EditorApi} (category, publish) and {@link StoryApi} (split, merge)
 * over a mocked {@link EditorialDesk}, which throws the messages the real one does.
 * <p>
 * The slice loads the project's {@code SecurityConfig} (through {@link AdminSecurity}): the tests run as
 * {@code @WithMockUser(roles = "ADMIN")}, and one checks that an anonymous caller gets a Basic challenge.
 * A mock user is a session login, so every call carries the CSRF token (the builder's default request);
 * {@code AccessRulesTest} shows calls without it refused.
 */
@WebMvcTest(controllers = {EditorApi.class, StoryApi.class},
        properties = {"huiwen.data-dir=target/slice-data/editor-api", "huiwen.admin.password=test-admin"})
@ImportAutoConfiguration({ApplicationAvailabilityAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
@Import(AdminSecurity.class)
@WithMockUser(roles = "ADMIN")
class EditorApiTest {

    @Autowired WebApplicationContext context;
    MockMvc mvc;
    @MockitoBean EditorialDesk desk;
    @MockitoBean io.huiwen.article.ArticleCorrections corrections;
    @MockitoBean io.huiwen.article.ArticleDeletion deletion;
    @MockitoBean io.huiwen.article.ArticleRepository articles;
    @MockitoBean io.huiwen.ingest.Ingest ingest;
    @MockitoBean JdbcClient jdbc; // asked by nothing: the admin password is configured
    @MockitoBean CategoryRepository categories; // for web.SiteAdvice, which every slice loads

    ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @BeforeEach
    void mockMvcWithTheFilterChain() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/").with(csrf())).build();
    }

    @Test
    void anAnonymousCallerIsAskedForBasicAuth() throws Exception {
        mvc.perform(post("/api/v1/articles/31/publish").with(anonymous())).andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(post("/api/v1/stories/merge").with(anonymous()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"into\":30,\"from\":40}")).andExpect(status().isUnauthorized());
        verify(desk, never()).mergeStories(anyLong(), anyLong(), anyString());
    }

    @Test
    void categoryChangeAnswersTheIdAndTheSlug() throws Exception {
        given(desk.recategorise(31, " keji ", "user")).willReturn(true); // the desk strips the slug; the answer shows it stripped

        postJson("/api/v1/articles/31/category", "{\"category\":\" keji \"}").andExpect(status().isOk())
                .andExpect(content().json("{\"id\":31,\"category\":\"keji\"}", true));
    }

    @Test
    void categoryChangeToAnUnknownCategoryIsA400() throws Exception {
        given(desk.recategorise(31, "nosuch", "user")).willThrow(new IllegalArgumentException("no category with slug 'nosuch'"));

        postJson("/api/v1/articles/31/category", "{\"category\":\"nosuch\"}").andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"no category with slug 'nosuch'\"}", true));
    }

    @Test
    void categoryChangeOfAnUnknownArticleIsA404() throws Exception {
        given(desk.recategorise(999, "keji", "user")).willReturn(false);

        postJson("/api/v1/articles/999/category", "{\"category\":\"keji\"}").andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"no article 999\"}", true));
    }

    @Test
    void categoryChangeWithoutACategoryIsA400ShowingTheShape() throws Exception {
        postJson("/api/v1/articles/31/category", "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("give the category as {\"category\": \"SLUG\"}"));
        verify(desk, never()).recategorise(anyLong(), anyString(), anyString());
    }

    @Test
    void categoryChangeWithABodyThatIsNotJsonIsA400() throws Exception {
        postJson("/api/v1/articles/31/category", "keji").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("the request body is not valid JSON for this call"));
    }

    @Test
    void publishWithoutABodyKeepsTheCategoryAndSaysWhetherItPublished() throws Exception {
        given(desk.publish(41, null, "user")).willReturn(true);
        given(desk.publish(42, null, "user")).willReturn(false);

        mvc.perform(post("/api/v1/articles/41/publish")).andExpect(status().isOk())
                .andExpect(content().json("{\"id\":41,\"published\":true}", true));
        mvc.perform(post("/api/v1/articles/42/publish")).andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(false));
    }

    @Test
    void publishInAChosenCategory() throws Exception {
        given(desk.publish(41, "caijing", "user")).willReturn(true);

        postJson("/api/v1/articles/41/publish", "{\"category\":\"caijing\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.published").value(true));
        verify(desk).publish(41, "caijing", "user");
    }

    @Test
    void publishInAnUnknownCategoryIsA400() throws Exception {
        given(desk.publish(41, "nosuch", "user")).willThrow(new IllegalArgumentException("no category with slug 'nosuch'"));

        postJson("/api/v1/articles/41/publish", "{\"category\":\"nosuch\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("no category with slug 'nosuch'"));
    }

    @Test
    void splitAnswersWhetherTheArticleLeftItsStory() throws Exception {
        given(desk.splitFromStory(31, "user")).willReturn(true);

        mvc.perform(post("/api/v1/articles/31/split")).andExpect(status().isOk())
                .andExpect(content().json("{\"id\":31,\"story_id\":31,\"split\":true}", true));
    }

    @Test
    void splitOfAnUnknownArticleIsA400() throws Exception {
        given(desk.splitFromStory(999, "user")).willThrow(new IllegalArgumentException("no article with id 999"));

        mvc.perform(post("/api/v1/articles/999/split")).andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"no article with id 999\"}", true));
    }

    @Test
    void mergeAnswersTheStoryKeptAndHowManyMoved() throws Exception {
        given(desk.mergeStories(30, 40, "user")).willReturn(3);

        postJson("/api/v1/stories/merge", "{\"into\":30,\"from\":40}").andExpect(status().isOk())
                .andExpect(content().json("{\"story_id\":30,\"moved\":3}", true));
    }

    @Test
    void mergeWithoutBothStoriesIsA400ShowingTheShape() throws Exception {
        postJson("/api/v1/stories/merge", "{\"into\":30}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("give the stories as {\"into\": STORY_ID, \"from\": STORY_ID}"));
        verify(desk, never()).mergeStories(anyLong(), anyLong(), anyString());
    }

    @Test
    void mergingAStoryIntoItselfIsA400() throws Exception {
        given(desk.mergeStories(30, 30, "user")).willThrow(new IllegalArgumentException("a story cannot be merged into itself"));

        postJson("/api/v1/stories/merge", "{\"into\":30,\"from\":30}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("a story cannot be merged into itself"));
    }

    @Test
    void aNonNumericArticleIdIsA400NamingTheParameter() throws Exception {
        mvc.perform(post("/api/v1/articles/abc/split")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid value for parameter 'id'"));
    }

    @Test
    @WithMockUser(username = "xiaoli", roles = "EDITOR")
    void anEditorUnpublishesUnderTheirOwnName() throws Exception {
        given(desk.unpublish(41, "xiaoli")).willReturn(true);

        mvc.perform(post("/api/v1/articles/41/unpublish")).andExpect(status().isOk())
                .andExpect(content().json("{\"id\":41,\"unpublished\":true}", true));
    }

    @Test
    void unpublishingAnUnknownArticleIsA404InChinese() throws Exception {
        mvc.perform(post("/api/v1/articles/999/unpublish")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"没有编号为 999 的文章\"}", true));
    }

    @Test
    void anEditNamingFieldsThatCannotBeEditedIsRefusedBeforeAnythingIsAsked() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/articles/41")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"views\":1000000,\"story_id\":3}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("不能修改的字段：“views”"), org.hamcrest.Matchers.containsString("不能修改的字段：“story_id”"))));
        verify(corrections, never()).edit(anyLong(), org.mockito.ArgumentMatchers.any(), anyString());
    }
}

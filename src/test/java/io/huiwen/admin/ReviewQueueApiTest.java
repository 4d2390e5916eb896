package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.huiwen.account.Role;
import io.huiwen.article.ArticleStore;
import io.huiwen.extract.ExtractedArticle;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's editors' view in the API: an article awaiting review is shown to an EDITOR or ADMIN
 * (by session, Bearer or Basic) with {@code "status": "review"} and the category suggested for it;
 * the queue is listed newest first, paged; anonymous callers meet such an article as not found and
 * the queue as a JSON 401.
 */
class ReviewQueueApiTest extends AccessStack {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ArticleStore store;
    String editor;
    long older, newer;

    static ExtractedArticle page(String title, String paragraph) {
        return new ExtractedArticle(null, title, OffsetDateTime.of(2026, 11, 20, 9, 30, 0, 0, ZoneOffset.ofHours(8)), "北川日报", null, null,
                List.of(), paragraph, "<p>" + paragraph + "</p>", List.of(), "zh", List.of());
    }

    @BeforeEach
    void twoArticlesAwaitReview() {
        editor = user("queue-editor", Role.EDITOR);
        // stored again before each test, the same pages are duplicates answering the ids they were stored under
        var reviewed = new ArticleStore.Provenance(null, true, null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        older = store.store(page("北川县新建三座跨河人行桥", "北川县今年新建的三座跨河人行桥近日全部完工，两岸居民步行过河的时间从二十分钟缩短到五分钟，"
                + "桥上还设置了照明和观景平台。"), "shehui", now.minusHours(2), reviewed).id();
        newer = store.store(page("北川县茶叶合作社首次出口欧洲", "北川县一家茶叶合作社的首批二十吨绿茶近日装船发往欧洲，这是该县茶叶第一次直接出口，"
                + "合作社负责人说明年的订单已经谈妥。"), "caijing", now.minusHours(1), reviewed).id();
    }

    MockHttpServletResponse ask(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The same GET as an editor signed in each way: a session (a GET needs no CSRF token), a Bearer token, HTTP Basic. */
    List<MockHttpServletResponse> asAnEditorEachWay(String path) throws Exception {
        List<MockHttpServletResponse> answers = new ArrayList<>();
        answers.add(ask(get(path).cookie(session(logIn(editor, passwordOf(editor))))));
        answers.add(ask(get(path).header("Authorization", bearer(editor))));
        answers.add(ask(get(path).with(httpBasic(editor, passwordOf(editor)))));
        return answers;
    }

    static JsonNode json(MockHttpServletResponse response) throws Exception {
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void anEditorSeesAnArticleAwaitingReviewWithItsSuggestedCategory() throws Exception {
        for (MockHttpServletResponse answer : asAnEditorEachWay("/api/v1/articles/" + older)) {
            assertThat(answer.getStatus()).as(answer.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
            JsonNode article = json(answer);
            assertThat(article.get("status").asString()).isEqualTo("review");
            assertThat(article.get("title").asString()).isEqualTo("北川县新建三座跨河人行桥");
            JsonNode suggested = article.get("suggested_category");
            assertThat(suggested.get("slug").asString()).isEqualTo("shehui");
            assertThat(suggested.get("name").asString()).isEqualTo("社会");
            assertThat(suggested.get("by").asString()).isNotBlank();
            assertThat(suggested.get("sure").asBoolean()).as("it waits for its source, not for an unsure guess").isTrue();
        }
    }

    @Test
    void anonymousCallersMeetAnArticleAwaitingReviewAsNotFound() throws Exception {
        MockHttpServletResponse answer = ask(get("/api/v1/articles/" + older));
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getContentAsString(StandardCharsets.UTF_8)).startsWith("{\"error\":").doesNotContain("北川");
    }

    @Test
    void theQueueIsListedNewestFirstAndPagedForEditorsOnly() throws Exception {
        for (MockHttpServletResponse answer : asAnEditorEachWay("/api/v1/articles?status=review&size=100")) {
            assertThat(answer.getStatus()).isEqualTo(200);
            JsonNode queue = json(answer);
            List<Long> ids = new ArrayList<>();
            queue.get("items").forEach(item -> ids.add(item.get("id").asLong()));
            assertThat(ids).containsSubsequence(newer, older);
            JsonNode first = queue.get("items").get(ids.indexOf(newer));
            assertThat(first.get("status").asString()).isEqualTo("review");
            assertThat(first.get("review_reason").asString()).isEqualTo("source");
            assertThat(first.get("suggested_category").get("slug").asString()).isEqualTo("caijing");
            assertThat(queue.get("total").asLong()).isEqualTo(ids.size());
        }
        JsonNode second = json(ask(get("/api/v1/articles?status=review&size=1&page=2").with(httpBasic(editor, passwordOf(editor)))));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("page").asInt()).isEqualTo(2);

        MockHttpServletResponse anonymous = ask(get("/api/v1/articles?status=review"));
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentAsString(StandardCharsets.UTF_8)).startsWith("{\"error\":");
        assertThat(ask(get("/api/v1/articles?status=published").with(httpBasic(editor, passwordOf(editor)))).getStatus())
                .as("only the review queue is listed by state").isEqualTo(400);
    }
}

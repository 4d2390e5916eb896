package io.huiwen.admin;

import static io.huiwen.DemoSite.idOfTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.article.ArticleState;
import io.huiwen.article.ArticleStore;
import io.huiwen.article.AuditLog;
import io.huiwen.extract.ArticleExtractor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections and takedowns end to end over the demo content: editing through the API and the edit
 * page (validation in 简体中文, hostile HTML made safe, Beijing time on the form), re-extraction that
 * keeps the editor's fields, deleting after a confirmation page, the admin's article list, story
 * split and merge from the edit page, and the audit log of all of it. Editors are EDITORs; the audit
 * page is the ADMIN's.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class ArticleEditingTest {

    static final Path DATA = TestDataDir.create("article-editing");
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(5);
    static final RequestPostProcessor EDITOR = user("editor").roles("EDITOR");
    static final RequestPostProcessor CHIEF = user("chief").roles("ADMIN");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired ArticleStore store;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;

    ResultActions patchJson(long id, String json) throws Exception {
        return mvc.perform(patch("/api/v1/articles/" + id).with(EDITOR).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String body(ResultActions r) throws Exception {
        return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return body(mvc.perform(get(path).with(who)).andExpect(status().isOk()));
    }

    void showsSoon(String path, Predicate<MockHttpServletResponse> changed) throws Exception {
        long deadline = System.nanoTime() + SHOWS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (changed.test(mvc.perform(get(path).header("User-Agent", DemoSite.BROWSER)).andReturn().getResponse())) {
                return;
            }
            Thread.sleep(100);
        }
        fail(path + " did not show the change within " + SHOWS_WITHIN);
    }

    static Predicate<MockHttpServletResponse> contains(String text) {
        return r -> {
            try {
                return r.getContentAsString(StandardCharsets.UTF_8).contains(text);
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    List<AuditLog.Entry> audited(String action, long id) {
        return audit.find(new AuditLog.Filter(null, action, "article", Long.toString(id)), 1, 50).items();
    }

    @Test
    void anEditThroughTheApiShowsOnTheArticlePageSafeAndIsAudited() throws Exception {
        long id = idOfTitle(articles, "博物馆");
        String oldTitle = articles.findById(id).orElseThrow().title();
        DemoSite.page(mvc, "/a/" + id);
        String hostile = "<p>夜场开放时间延长到晚上十点。</p><script>alert(1)</script><p onclick=\"steal()\">周末加开讲解场次"
                + "<a href=\"javascript:alert(1)\">详情</a><img src=\"x\" onerror=\"alert(2)\"></p><iframe srcdoc=\"<script>alert(3)</script>\"></iframe>";
        String answer = body(patchJson(id, JSON.writeValueAsString(java.util.Map.of("title", "博物馆夜场延长至十点（更正）", "tags", List.of("博物馆", "夜場"),
                "excerpt", "更正：夜场延长至十点。", "body_html", hostile, "published_at", "2026-11-20T08:30:00+08:00"))).andExpect(status().isOk()));
        assertThat(JSON.readTree(answer).get("changed").toString()).contains("title", "tags", "excerpt", "body_html", "published_at");

        showsSoon("/a/" + id, contains("<h1>博物馆夜场延长至十点（更正）"));
        String shown = DemoSite.page(mvc, "/a/" + id);
        assertThat(shown).contains("夜场开放时间延长到晚上十点。").contains("周末加开讲解场次")
                .doesNotContain("alert(").doesNotContain("steal()").doesNotContain("javascript:").doesNotContain("onerror").doesNotContain("<iframe");
        showsSoon("/t/夜场", contains("/a/" + id + "\"")); // tags are stored as search folds them: 夜場 → 夜场

        var stored = articles.findById(id).orElseThrow();
        assertThat(stored.tags()).containsExactly("博物馆", "夜场");
        assertThat(stored.excerpt()).isEqualTo("更正：夜场延长至十点。");
        assertThat(stored.publishTime().toInstant()).isEqualTo(Instant.parse("2026-11-20T00:30:00Z"));
        assertThat(stored.text()).isEqualTo("夜场开放时间延长到晚上十点。\n\n周末加开讲解场次详情");
        var entry = audited("article.edit", id).get(0);
        assertThat(entry.actor()).isEqualTo("editor");
        assertThat(entry.before()).contains(oldTitle);
        assertThat(entry.after()).contains("博物馆夜场延长至十点（更正）").contains("2026-11-20T00:30:00Z");
    }

    @Test
    void badEditsAreRefusedInChineseAndStoreNothing() throws Exception {
        long id = idOfTitle(articles, "24小时城市书房");
        String title = articles.findById(id).orElseThrow().title();
        String[][] cases = {
                {"{\"category\":\"nosuch\"}", "没有这个栏目：“nosuch”"},
                {"{\"title\":\"   \"}", "标题不能为空"},
                {"{\"title\":\"" + "长".repeat(301) + "\"}", "标题太长：301 个字，最多 300 个字"},
                {"{\"published_at\":\"2026-11-20 08:30\"}", "发布时间格式不对"},
                {"{\"published_at\":\"2026-11-20T08:30:00\"}", "带时区的 ISO-8601 时间"},
                {"{\"colour\":\"red\"}", "不能修改的字段：“colour”"},
                {"{\"tags\":\"港口\"}", "tags 应为字符串列表"},
                {"{\"tags\":[\"" + "标".repeat(65) + "\"]}", "标签太长"},
                {"{\"body_html\":\"<script>alert(1)</script>\"}", "正文不能为空"},
                {"{}", "请求体为空"},
                {"{\"title\":\"新标题\",\"category\":\"nosuch\"}", "没有这个栏目"}, // one bad field: the good one is not stored either
        };
        for (String[] c : cases) {
            String error = JSON.readTree(body(patchJson(id, c[0]).andExpect(status().isBadRequest()))).get("error").asString();
            assertThat(error).as(c[0]).contains(c[1]);
        }
        patchJson(id, "title=新标题").andExpect(status().isBadRequest());
        assertThat(JSON.readTree(body(patchJson(999_999, "{\"title\":\"新标题\"}").andExpect(status().isNotFound()))).get("error").asString())
                .isEqualTo("没有编号为 999999 的文章");
        mvc.perform(patch("/api/v1/articles/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"新标题\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(articles.findById(id).orElseThrow().title()).isEqualTo(title);
        assertThat(audited("article.edit", id)).isEmpty();
    }

    @Test
    void theEditPageSavesInBeijingTimeAndSaysWhatIsWrong() throws Exception {
        long id = idOfTitle(articles, "一页一页");
        String title = articles.findById(id).orElseThrow().title();
        assertThat(page("/admin/articles/" + id, EDITOR)).contains("编辑文章 " + id).contains("value=\"" + title + "\"")
                .contains("name=\"_csrf\"").contains("type=\"datetime-local\"").contains("同一故事").contains("下线").contains("删除");

        String refused = body(mvc.perform(post("/admin/articles/" + id).with(EDITOR).with(csrf()).param("title", " ")
                .param("category", "wenhua").param("tags", "古籍").param("excerpt", "摘要").param("body_html", "<p>正文</p>")
                .param("published_at", "明天上午")).andExpect(status().isBadRequest()));
        assertThat(refused).contains("没有保存，请改正").contains("标题不能为空").contains("发布时间格式不对：“明天上午”").contains("value=\"明天上午\"");
        assertThat(articles.findById(id).orElseThrow().title()).isEqualTo(title);

        mvc.perform(post("/admin/articles/" + id).with(EDITOR).with(csrf()).param("title", "古籍修复师的一天（修订）")
                        .param("category", "shehui").param("tags", "古籍，修复、非遗").param("excerpt", "修订后的摘要。")
                        .param("body_html", "<p>修复师每天工作八小时。</p>\r\n<p>一页古籍要修三天。</p>").param("published_at", "2026-11-21T09:15"))
                .andExpect(redirectedUrl("/admin/articles/" + id)).andExpect(flash().attribute("notice", Matchers.startsWith("已保存：标题、栏目、标签、摘要、正文、发布时间")));
        var stored = articles.findById(id).orElseThrow();
        assertThat(stored.title()).isEqualTo("古籍修复师的一天（修订）");
        assertThat(stored.category().slug()).isEqualTo("shehui");
        assertThat(stored.tags()).containsExactly("古籍", "修复", "非遗");
        assertThat(stored.publishTime().toInstant()).isEqualTo(Instant.parse("2026-11-21T01:15:00Z"));
        assertThat(page("/admin/articles/" + id, EDITOR)).contains("value=\"2026-11-21T09:15\"").contains("编辑改过的字段");

        // the form sent again unchanged changes nothing (CR LF from the browser, minutes only on the clock)
        mvc.perform(post("/admin/articles/" + id).with(EDITOR).with(csrf()).param("title", stored.title()).param("category", "shehui")
                        .param("tags", "古籍，修复，非遗").param("excerpt", stored.excerpt()).param("body_html", stored.html().replace("\n", "\r\n"))
                        .param("published_at", "2026-11-21T09:15"))
                .andExpect(flash().attribute("notice", "没有改动"));
        assertThat(audited("article.edit", id)).hasSize(1);

        mvc.perform(post("/admin/articles/" + id).with(EDITOR).param("title", "没有令牌")).andExpect(status().isForbidden());
        assertThat(body(mvc.perform(get("/admin/articles/999999").with(EDITOR)).andExpect(status().isNotFound())))
                .contains("没有编号为 999999 的文章");
        mvc.perform(get("/admin/articles/abc").with(EDITOR)).andExpect(status().isNotFound()); // an id that cannot name an article: the portal's 404 page
        mvc.perform(post("/admin/articles/999999").with(EDITOR).with(csrf()).param("title", "标题")).andExpect(status().isNotFound());
    }

    static final String PAGE_URL = "https://hexi.example.cn/news/2026/11/25/parks.html";

    static String rawPage() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>河西新建三座口袋公园_河西新闻网</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/shehui/\">社会</a></div><h1>河西新建三座口袋公园</h1>"
                + "<div class=\"info\">2026-11-25 10:00 来源：河西晚报</div><div class=\"article-content\">"
                + "<p>河西区今年新建三座口袋公园，居民出门五分钟就能走进绿地，公园里增设了健身步道、儿童游乐区和休息座椅。</p>"
                + "<p>区园林部门介绍，明年还将改造十处街角空地，让更多老旧小区周边有一处可以散步、下棋、晒太阳的地方。</p>"
                + "</div><div class=\"footer\">版权所有 河西新闻网</div></body></html>";
    }

    long storedWithRawPage() throws Exception {
        byte[] html = rawPage().getBytes(StandardCharsets.UTF_8);
        var extracted = new ArticleExtractor().extract(html, PAGE_URL, "text/html; charset=utf-8", URI.create(PAGE_URL), null);
        var raw = new ArticleStore.RawPage(PAGE_URL, "text/html; charset=utf-8", OffsetDateTime.now(ZoneOffset.UTC), html, null, null, null);
        return store.store(extracted.withUrl(PAGE_URL), "shehui", OffsetDateTime.now(ZoneOffset.UTC),
                new ArticleStore.Provenance(null, false, raw)).id();
    }

    @Test
    void reextractingKeepsWhatTheEditorSetAndReplacesTheRest() throws Exception {
        long id = storedWithRawPage();
        patchJson(id, "{\"title\":\"河西口袋公园增至三座（编辑改）\"}").andExpect(status().isOk());
        jdbc.sql("UPDATE article SET excerpt = '旧抽取器的摘要', body_html = '<p>旧抽取器的正文</p>' WHERE id = ?").param(id).update();

        JsonNode answer = JSON.readTree(body(mvc.perform(post("/api/v1/articles/" + id + "/reextract").with(EDITOR).with(csrf())).andExpect(status().isOk())));
        assertThat(answer.get("kept_fields").toString()).isEqualTo("[\"title\"]");
        var after = articles.findById(id).orElseThrow();
        assertThat(after.title()).isEqualTo("河西口袋公园增至三座（编辑改）");
        assertThat(after.html()).contains("居民出门五分钟就能走进绿地").doesNotContain("旧抽取器");
        assertThat(after.excerpt()).isNotEqualTo("旧抽取器的摘要").startsWith("河西区今年新建三座口袋公园");
        assertThat(audited("article.reextract", id)).hasSize(1).first().extracting(AuditLog.Entry::actor).isEqualTo("editor");

        assertThat(page("/admin/articles/" + id, EDITOR)).contains("重新抽取");
        mvc.perform(post("/admin/articles/" + id + "/reextract").with(EDITOR).with(csrf())).andExpect(redirectedUrl("/admin/articles/" + id))
                .andExpect(flash().attribute("notice", "已从保存的原始网页重新抽取；编辑改过的标题保持不变"));

        long demo = idOfTitle(articles, "新雪季开启");
        assertThat(page("/admin/articles/" + demo, EDITOR)).doesNotContain(">重新抽取<");
        assertThat(JSON.readTree(body(mvc.perform(post("/api/v1/articles/" + demo + "/reextract").with(EDITOR).with(csrf())).andExpect(status().isBadRequest())))
                .get("error").asString()).isEqualTo("文章 " + demo + " 没有保存原始网页，无法重新抽取");
        mvc.perform(post("/api/v1/articles/999999/reextract").with(EDITOR).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void deletingAsksFirstThenRemovesTheArticleEverywhereAndKeepsItsStory() throws Exception {
        long lead = idOfTitle(articles, "3万名跑者竞逐江城马拉松");
        var article = articles.findById(lead).orElseThrow();
        List<Long> others = articles.storyMembers(article.storyId(), lead).stream().map(a -> a.id()).toList();
        assertThat(others).hasSize(2);
        DemoSite.page(mvc, "/a/" + lead);

        String confirm = page("/admin/articles/" + lead + "/delete", EDITOR);
        assertThat(confirm).contains("删除文章 " + lead + "？").contains(article.title()).contains("另有 2 篇，它们仍是一个故事")
                .contains("确认删除").contains("action=\"/admin/articles/" + lead + "/delete\"");
        assertThat(articles.exists(lead)).as("the confirmation page deletes nothing").isTrue();

        mvc.perform(post("/admin/articles/" + lead + "/delete").with(EDITOR).with(csrf())).andExpect(redirectedUrl("/admin/articles"))
                .andExpect(flash().attribute("notice", Matchers.startsWith("已删除文章 " + lead)));
        assertThat(articles.findById(lead)).isEmpty();
        long story = articles.findById(others.get(0)).orElseThrow().storyId();
        assertThat(story).as("the story is known by the earliest remaining member's id").isEqualTo(java.util.Collections.min(others));
        assertThat(articles.findById(others.get(1)).orElseThrow().storyId()).isEqualTo(story);
        showsSoon("/a/" + lead, r -> r.getStatus() == 404);
        showsSoon("/c/tiyu", contains("2 家媒体报道"));
        showsSoon("/api/v1/search?q=马拉松&reports=all",
                r -> !contains("\"id\":" + lead + ",").test(r));

        var entry = audited("article.delete", lead).get(0);
        assertThat(entry.actor()).isEqualTo("editor");
        assertThat(entry.before()).contains(article.title()).contains("\"source_url\"");

        assertThat(JSON.readTree(body(mvc.perform(delete("/api/v1/articles/" + lead).with(EDITOR).with(csrf())).andExpect(status().isNotFound())))
                .get("error").asString()).isEqualTo("没有编号为 " + lead + " 的文章");
        long remaining = others.get(0) == story ? others.get(1) : others.get(0);
        String deleted = body(mvc.perform(delete("/api/v1/articles/" + story).with(EDITOR).with(csrf())).andExpect(status().isOk()));
        assertThat(JSON.readTree(deleted).get("deleted").asBoolean()).isTrue();
        assertThat(articles.findById(remaining).orElseThrow().storyId()).as("the last one stands alone").isEqualTo(remaining);
        mvc.perform(delete("/api/v1/articles/" + remaining)).andExpect(status().isUnauthorized());
    }

    @Test
    void theArticleListFindsByTitleStateAndCategoryAndPages() throws Exception {
        long id = idOfTitle(articles, "新编地方戏");
        mvc.perform(post("/admin/articles/" + id + "/unpublish").with(EDITOR).with(csrf())).andExpect(redirectedUrl("/admin/articles/" + id))
                .andExpect(flash().attribute("notice", "文章 " + id + " 已下线，读者约 2 秒内看不到它"));
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleState.UNPUBLISHED);

        String down = page("/admin/articles?state=unpublished", EDITOR);
        assertThat(down).contains("href=\"/admin/articles/" + id + "\"").contains("已下线").contains("共 1 篇");
        String byTitle = body(mvc.perform(get("/admin/articles").param("q", "长者食堂").with(EDITOR)));
        assertThat(byTitle).contains("共 3 篇").doesNotContain("马拉松");
        String tiyu = page("/admin/articles?category=tiyu&state=published", EDITOR);
        assertThat(tiyu).contains("乒乓球").doesNotContain("长者食堂").doesNotContain("新编地方戏");
        assertThat(body(mvc.perform(get("/admin/articles").param("q", "100%_").with(EDITOR)))).contains("共 0 篇"); // LIKE's wildcards are the editor's letters
        assertThat(page("/admin/articles?page=2", EDITOR)).contains("第 2 / 2 页").contains("上一页");
        assertThat(body(mvc.perform(get("/admin/articles?state=bogus").with(EDITOR)).andExpect(status().isBadRequest()))).contains("没有这个状态：“bogus”");
        assertThat(body(mvc.perform(get("/admin/articles?category=nosuch").with(EDITOR)).andExpect(status().isBadRequest())))
                .contains("没有这个栏目：“nosuch”");

        assertThat(page("/admin/articles/" + id, EDITOR)).contains("name=\"back\"").contains(">发布<");
        mvc.perform(post("/admin/articles/" + id + "/publish").with(EDITOR).with(csrf()).param("back", "/admin/articles/" + id))
                .andExpect(redirectedUrl("/admin/articles/" + id)).andExpect(flash().attribute("notice", "文章 " + id + " 已发布"));
        mvc.perform(post("/admin/articles/" + id + "/publish").with(EDITOR).with(csrf()).param("back", "https://evil.example/"))
                .andExpect(redirectedUrl("/admin"));
        assertThat(articles.findById(id).orElseThrow().status()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(page("/admin", EDITOR)).contains("href=\"/admin/articles\"");
    }

    @Test
    void storiesAreSplitAndMergedFromTheEditPage() throws Exception {
        long original = idOfTitle(articles, "望海港前十月外贸进出口");
        long story = articles.findById(original).orElseThrow().storyId();
        long repost = articles.storyMembers(story, original).get(0).id();
        assertThat(page("/admin/articles/" + original, EDITOR)).contains("href=\"/admin/articles/" + repost + "\"").contains("拆出").contains("合并到故事");

        mvc.perform(post("/admin/articles/" + original + "/split").with(EDITOR).with(csrf()).param("member", Long.toString(repost)))
                .andExpect(redirectedUrl("/admin/articles/" + original))
                .andExpect(flash().attribute("notice", "文章 " + repost + " 已拆出，单独成为一个故事"));
        assertThat(articles.findById(repost).orElseThrow().storyId()).isEqualTo(repost);
        mvc.perform(post("/admin/articles/" + repost + "/merge").with(EDITOR).with(csrf()).param("story", Long.toString(story)))
                .andExpect(flash().attribute("notice", "已把本故事的 1 篇文章并入故事 " + story));
        assertThat(articles.findById(repost).orElseThrow().storyId()).isEqualTo(story);
        mvc.perform(post("/admin/articles/" + repost + "/merge").with(EDITOR).with(csrf()).param("story", "abc"))
                .andExpect(flash().attribute("notice", "请填写要并入的故事编号（数字），而不是“abc”"));
        mvc.perform(post("/admin/articles/" + repost + "/merge").with(EDITOR).with(csrf()).param("story", "999999"))
                .andExpect(flash().attribute("notice", "没有编号为 999999 的故事"));
        assertThat(audited("story.split", repost)).hasSize(1);
        assertThat(audit.find(new AuditLog.Filter("editor", "story.merge", "story", Long.toString(story)), 1, 10).total()).isEqualTo(1);
    }

    @Test
    void theAuditPageShowsWhoDidWhatNewestFirstFilteredAndEscaped() throws Exception {
        long id = idOfTitle(articles, "非遗");
        patchJson(id, "{\"title\":\"<script>alert('x')</script>非遗竹编进校园\"}").andExpect(status().isOk());
        patchJson(id, "{\"body_html\":\"<p>" + "竹编课每周两节。".repeat(40) + "</p>\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/articles/" + id + "/category").with(EDITOR).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"shehui\"}")).andExpect(status().isOk());

        String history = page("/admin/audit?target_type=article&target_id=" + id, CHIEF);
        assertThat(history).contains("共 3 条").contains("article.category").contains("article.edit").contains("editor")
                .doesNotContain("<script>alert('x')").contains("&lt;script&gt;alert(");
        assertThat(history.indexOf("article.category</code>")).as("newest first").isLessThan(history.indexOf("article.edit</code>"));
        assertThat(history).contains("<details><summary>1 项改动，展开查看</summary>"); // the long body folded away
        var newest = audit.find(new AuditLog.Filter(null, null, "article", Long.toString(id)), 1, 1).items().get(0);
        assertThat(history).contains(newest.at().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));

        String onlyCategory = page("/admin/audit?action=article.category&target_type=article&target_id=" + id, CHIEF);
        assertThat(onlyCategory).contains("共 1 条").doesNotContain("article.edit</code>");
        assertThat(page("/admin/audit?actor=nobody", CHIEF)).contains("没有符合条件的记录");
        assertThat(page("/admin/audit?page=abc", CHIEF)).contains("第 1 /");
        mvc.perform(get("/admin/audit").with(EDITOR)).andExpect(status().isForbidden());
        assertThat(page("/admin/articles/" + id, CHIEF)).contains("href=\"/admin/audit?target_type=article&amp;target_id=" + id + "\"");
        assertThat(page("/admin/articles/" + id, EDITOR)).as("no link an editor may not follow").doesNotContain("/admin/audit");
    }
}

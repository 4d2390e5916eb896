package io.huiwen.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.CategoryRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The newsroom's admin end to end over the demo content (real H2, the real security rules): the
 * shared navigation per role, categories and sources managed through the forms with their
 * refusals in 简体中文 and nothing stored, every change in the audit log, category changes on the
 * portal's navigation within 2 s (learnt through the change log, as every node learns them), and
 * the dashboard's chart and failing sources.
 */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class NewsroomAdminTest {

    static final Path DATA = TestDataDir.create("newsroom-admin");
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(2);
    static final RequestPostProcessor ADMIN = user("王主编").roles("ADMIN");
    static final RequestPostProcessor EDITOR = user("李编辑").roles("EDITOR");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CategoryRepository categories;

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who) throws Exception {
        return mvc.perform(request.with(who)).andReturn().getResponse();
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse r = send(get(path), who);
        assertThat(r.getStatus()).as(path).isEqualTo(200);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    MockHttpServletResponse form(String path, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        fields.forEach(request::param);
        return send(request, ADMIN);
    }

    static String body(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    long audited(String action, String targetId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target_id = ? AND actor = '王主编'")
                .params(action, targetId).query(Long.class).single();
    }

    /** The portal's home page until it shows what the change made; fails after 2 s. */
    void homeShowsWithin2s(Predicate<String> changed) throws Exception {
        long deadline = System.nanoTime() + SHOWS_WITHIN.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = DemoSite.page(mvc, "/");
            if (changed.test(last)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the home page did not show the change within 2 s; its navigation: "
                + last.substring(last.indexOf("<nav class=\"nav\""), last.indexOf("</nav>", last.indexOf("<nav class=\"nav\""))));
    }

    static int at(String html, String what) {
        int i = html.indexOf(what);
        assertThat(i).as(what).isNotNegative();
        return i;
    }

    @Test
    void everyAdminPageHasTheNavigationAndOnlyAdminsAreOfferedTheAdminPages() throws Exception {
        String asAdmin = page("/admin", ADMIN);
        assertThat(asAdmin).contains("href=\"/admin/sources\"", "href=\"/admin/categories\"", "href=\"/admin/users\"",
                "href=\"/admin/audit\"", "href=\"/admin/articles\"", "href=\"/admin/account\"", "王主编")
                .containsPattern("<form method=\"post\" action=\"/logout\" class=\"logout\">\\s*<input type=\"hidden\" name=\"_csrf\"");
        for (String path : List.of("/admin/sources", "/admin/categories", "/admin/sources/new")) {
            assertThat(page(path, ADMIN)).as(path).contains("class=\"admin-nav\"", "退出", "aria-current=\"page\"");
        }
        String asEditor = page("/admin", EDITOR);
        assertThat(asEditor).contains("李编辑", "href=\"/admin/articles\"", "href=\"/admin/account\"", "退出")
                .doesNotContain("href=\"/admin/sources\"", "href=\"/admin/categories\"", "href=\"/admin/users\"", "href=\"/admin/audit\"");
        assertThat(send(get("/admin/sources"), EDITOR).getStatus()).isEqualTo(403);
        assertThat(send(get("/admin/categories"), EDITOR).getStatus()).isEqualTo(403);
        assertThat(send(post("/admin/categories").with(csrf()).param("slug", "qiche").param("name", "汽车"), EDITOR).getStatus())
                .isEqualTo(403);
        assertThat(categories.findBySlug("qiche")).isEmpty();
    }

    @Test
    void logoutEndsTheSessionFromTheNavigationsButton() throws Exception {
        MockHttpServletResponse out = send(post("/logout").with(csrf()).accept(org.springframework.http.MediaType.TEXT_HTML), ADMIN);
        assertThat(out.getStatus()).isEqualTo(302);
        assertThat(out.getRedirectedUrl()).isEqualTo("/login?logout");
    }

    @Test
    void aNewCategoryIsRenamedAndMovedUpAndTheNavigationShowsEachWithin2s() throws Exception {
        DemoSite.page(mvc, "/");
        MockHttpServletResponse created = form("/admin/categories", Map.of("slug", "qiche", "name", "汽车"));
        assertThat(created.getRedirectedUrl()).isEqualTo("/admin/categories");
        assertThat(audited("category.create", "qiche")).isEqualTo(1);
        homeShowsWithin2s(html -> html.contains("<a href=\"/c/qiche\">汽车</a>"));
        long id = categories.require("qiche").id();

        form("/admin/categories/" + id + "/rename", Map.of("name", "汽车频道"));
        assertThat(categories.require("qiche").name()).isEqualTo("汽车频道");
        assertThat(audited("category.rename", "qiche")).isEqualTo(1);
        homeShowsWithin2s(html -> html.contains("<a href=\"/c/qiche\">汽车频道</a>"));

        List<String> order = categories.findAll().stream().map(c -> c.slug()).toList();
        String above = order.get(order.indexOf("qiche") - 1);
        String aboveName = categories.require(above).name();
        form("/admin/categories/" + id + "/move", Map.of("step", "-1"));
        assertThat(audited("category.reorder", "qiche")).isEqualTo(1);
        homeShowsWithin2s(html -> html.indexOf("<a href=\"/c/qiche\">") < html.indexOf("<a href=\"/c/" + above + "\">"));
        String admin = page("/admin/categories", ADMIN);
        assertThat(at(admin, "<strong>汽车频道</strong>")).isLessThan(at(admin, "<strong>" + aboveName + "</strong>"));
        List<String> moved = categories.findAll().stream().map(c -> c.slug()).toList();
        assertThat(moved.indexOf("qiche")).isEqualTo(order.indexOf("qiche") - 1);
        assertThat(moved).hasSameElementsAs(order);

        form("/admin/categories/" + categories.require("caijing").id() + "/move", Map.of("step", "-1"));
        assertThat(categories.findAll().get(0).slug()).as("the first stays first").isEqualTo("caijing");
    }

    @Test
    void badCategoryInputIsRefusedInChineseAndNothingIsStored() throws Exception {
        long before = categories.findAll().size();
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("slug", "Qi Che", "name", "汽车"), "栏目代号只能用小写字母、数字和连字符",
                Map.of("slug", "keji", "name", "科技二"), "栏目代号 keji 已被使用",
                Map.of("slug", "keji2", "name", "科技"), "已有名为 科技 的栏目",
                Map.of("slug", "kong", "name", "  "), "请填写栏目名称",
                Map.of("slug", "chang", "name", "长".repeat(101)), "栏目名称最多 100 个字符",
                Map.of("slug", "x".repeat(101), "name", "很长"), "栏目代号只能用小写字母");
        for (var r : refusals.entrySet()) {
            MockHttpServletResponse answer = form("/admin/categories", r.getKey());
            assertThat(answer.getStatus()).as(r.getValue()).isEqualTo(400);
            assertThat(body(answer)).contains(r.getValue()).doesNotContain("Exception");
        }
        assertThat(body(form("/admin/categories", Map.of("slug", "Qi Che", "name", "汽车")))).contains("value=\"Qi Che\"");
        assertThat(send(post("/admin/categories").param("slug", "qiche").param("name", "汽车"), ADMIN).getStatus())
                .as("no CSRF token").isEqualTo(403);
        assertThat(send(post("/admin/sources").param("url", "https://csrf.example.cn/rss.xml"), ADMIN).getStatus())
                .as("no CSRF token").isEqualTo(403);
        assertThat(categories.findAll()).hasSize((int) before);

        long keji = categories.require("keji").id();
        assertThat(body(form("/admin/categories/" + keji + "/rename", Map.of("name", "财经")))).contains("已有名为 财经 的栏目");
        assertThat(categories.require("keji").name()).isEqualTo("科技");
        var missing = mvc.perform(post("/admin/categories/999999/rename").param("name", "无").with(csrf()).with(ADMIN)).andReturn();
        assertThat(missing.getResponse().getRedirectedUrl()).isEqualTo("/admin/categories");
        // the notice travels in the session (Spring Session's, in the database) to the page the browser is sent to
        var shown = mvc.perform(get("/admin/categories").with(ADMIN).cookie(missing.getResponse().getCookie("SESSION"))).andReturn();
        assertThat(shown.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("没有编号为 999999 的栏目（可能已被删除）");
        assertThat(send(get("/admin/categories/999999/delete"), ADMIN).getRedirectedUrl()).isEqualTo("/admin/categories");
        assertThat(send(get("/admin/categories/abc/delete"), ADMIN).getStatus()).as("an id that cannot name a category").isEqualTo(404);
    }

    @Test
    void aliasesClassifyBreadcrumbsAndEachAliasLeadsToOneCategory() throws Exception {
        form("/admin/categories", Map.of("slug", "fangchan", "name", "房产"));
        long id = categories.require("fangchan").id();
        assertThat(categories.forBreadcrumb(List.of("首页", "楼市")).orElseThrow().slug())
                .as("before any alias, the section names the portal ships file 楼市 under 财经").isEqualTo("caijing");

        form("/admin/categories/" + id + "/aliases", Map.of("aliases", "楼市，房地产、家居\n楼市"));
        assertThat(categories.forBreadcrumb(List.of("首页", "楼市")).orElseThrow().slug()).isEqualTo("fangchan");
        assertThat(categories.forBreadcrumb(List.of("首页", "家居频道")).orElseThrow().slug()).isEqualTo("fangchan");
        assertThat(audited("category.aliases", "fangchan")).isEqualTo(1);
        assertThat(page("/admin/categories", ADMIN)).contains("楼市，房地产，家居</textarea>");

        MockHttpServletResponse clash = form("/admin/categories/" + id + "/aliases", Map.of("aliases", "楼市,互联网"));
        assertThat(clash.getStatus()).isEqualTo(400);
        assertThat(body(clash)).contains("别名“互联网”已指向栏目 科技");
        assertThat(categories.forBreadcrumb(List.of("互联网")).orElseThrow().slug()).isEqualTo("keji");
        assertThat(categories.forBreadcrumb(List.of("家居")).orElseThrow().slug()).isEqualTo("fangchan");
    }

    @Test
    void aCategoryWithArticlesIsDeletedOnlyAfterItsArticlesAreMovedToAnother() throws Exception {
        form("/admin/categories", Map.of("slug", "linshi", "name", "临时"));
        long id = categories.require("linshi").id();
        long article = jdbc.sql("SELECT MIN(id) FROM article WHERE status = 'published'").query(Long.class).single();
        jdbc.sql("UPDATE article SET category_id = ? WHERE id = ?").params(id, article).update();

        String confirm = page("/admin/categories/" + id + "/delete", ADMIN);
        assertThat(confirm).contains("还有 1 篇文章", "name=\"moveTo\"", "<option value=\"keji\">科技</option>")
                .doesNotContain("<option value=\"linshi\"");
        MockHttpServletResponse refused = form("/admin/categories/" + id + "/delete", Map.of());
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(body(refused)).contains("栏目 临时 还有 1 篇文章");
        assertThat(categories.findBySlug("linshi")).isPresent();

        long logged = jdbc.sql("SELECT COUNT(*) FROM index_outbox WHERE article_id = ?").param(article).query(Long.class).single();
        assertThat(form("/admin/categories/" + id + "/delete", Map.of("moveTo", "keji")).getRedirectedUrl()).isEqualTo("/admin/categories");
        assertThat(categories.findBySlug("linshi")).isEmpty();
        assertThat(jdbc.sql("SELECT c.slug FROM article a JOIN category c ON c.id = a.category_id WHERE a.id = ?").param(article)
                .query(String.class).single()).isEqualTo("keji");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM index_outbox WHERE article_id = ?").param(article).query(Long.class).single())
                .isEqualTo(logged + 1);
        assertThat(audited("category.delete", "linshi")).isEqualTo(1);
        homeShowsWithin2s(html -> !html.contains("/c/linshi"));

        form("/admin/categories", Map.of("slug", "kongde", "name", "空的"));
        long empty = categories.require("kongde").id();
        assertThat(page("/admin/categories/" + empty + "/delete", ADMIN)).contains("确定删除").doesNotContain("name=\"moveTo\"");
        form("/admin/categories/" + empty + "/delete", Map.of());
        assertThat(categories.findBySlug("kongde")).isEmpty();
    }

    @Test
    void anAdminAddsEditsDisablesEnablesAndDeletesASourceAndEachIsAudited() throws Exception {
        MockHttpServletResponse added = form("/admin/sources", Map.of("url", "https://gangcheng.example.cn/rss.xml", "name", "港城日报",
                "type", "feed", "category", "caijing", "intervalMinutes", "45", "needsReview", "true", "enabled", "true"));
        assertThat(added.getRedirectedUrl()).isEqualTo("/admin/sources");
        var row = jdbc.sql("SELECT s.id, s.name, s.type, c.slug, s.interval_minutes, s.needs_review, s.enabled FROM source s "
                + "JOIN category c ON c.id = s.category_id WHERE s.url = 'https://gangcheng.example.cn/rss.xml'").query().singleRow();
        assertThat(row).containsEntry("name", "港城日报").containsEntry("type", "feed").containsEntry("slug", "caijing")
                .containsEntry("interval_minutes", 45).containsEntry("needs_review", true).containsEntry("enabled", true);
        String id = row.get("id").toString();
        assertThat(audited("source.create", id)).isEqualTo(1);
        assertThat(page("/admin/sources", ADMIN)).contains("港城日报", "https://gangcheng.example.cn/rss.xml", "立即抓取");

        String edit = page("/admin/sources/" + id + "/edit", ADMIN);
        assertThat(edit).contains("value=\"港城日报\"", "value=\"45\"", "<option value=\"caijing\" selected>财经</option>");
        form("/admin/sources/" + id, Map.of("url", "https://gangcheng.example.cn/rss.xml", "name", "港城日报·财经", "type", "feed",
                "category", "", "intervalMinutes", "60", "enabled", "true"));
        var changed = jdbc.sql("SELECT name, category_id, interval_minutes, needs_review FROM source WHERE id = ?")
                .param(Long.parseLong(id)).query().singleRow();
        assertThat(changed).containsEntry("name", "港城日报·财经").containsEntry("interval_minutes", 60)
                .containsEntry("needs_review", false);
        assertThat(changed.get("category_id")).isNull();
        assertThat(audited("source.edit", id)).isEqualTo(1);

        form("/admin/sources/" + id + "/disable", Map.of());
        assertThat(jdbc.sql("SELECT enabled FROM source WHERE id = ?").param(Long.parseLong(id)).query(Boolean.class).single()).isFalse();
        assertThat(audited("source.disable", id)).isEqualTo(1);
        assertThat(page("/admin/sources", ADMIN)).contains("(已停用)", "action=\"/admin/sources/" + id + "/enable\"");
        form("/admin/sources/" + id + "/enable", Map.of());
        assertThat(audited("source.enable", id)).isEqualTo(1);

        assertThat(page("/admin/sources/" + id + "/delete", ADMIN)).contains("确定要删除来源", "港城日报·财经", "确定删除");
        assertThat(form("/admin/sources/" + id + "/delete", Map.of()).getRedirectedUrl()).isEqualTo("/admin/sources");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM source WHERE id = ?").param(Long.parseLong(id)).query(Long.class).single()).isZero();
        assertThat(audited("source.delete", id)).isEqualTo(1);
        assertThat(send(get("/admin/sources/" + id + "/edit"), ADMIN).getRedirectedUrl()).isEqualTo("/admin/sources");
        assertThat(form("/admin/sources/" + id + "/delete", Map.of()).getRedirectedUrl()).isEqualTo("/admin/sources");
    }

    @Test
    void badSourceInputIsRefusedInChineseWithWhatWasTypedAndNothingStored() throws Exception {
        long before = jdbc.sql("SELECT COUNT(*) FROM source").query(Long.class).single();
        Map<String, String> good = Map.of("url", "https://haibin.example.cn/feed.xml", "name", "海滨晚报", "type", "feed",
                "category", "shehui", "intervalMinutes", "30");
        Map<String, String> refusals = Map.of(
                "url=ftp://haibin.example.cn/feed.xml", "网址须是以 http:// 或 https:// 开头的完整网址",
                "url=", "请填写网址",
                "intervalMinutes=abc", "抓取间隔须是整数（分钟）",
                "intervalMinutes=0", "抓取间隔须在 1 到 10080 分钟之间",
                "category=nosuch", "没有这个栏目：nosuch",
                "type=rss", "类型须是 feed、sitemap、list 或 page 之一",
                "name=" + "名".repeat(201), "名称不能超过 200 个字符",
                "includePattern=([", "包含规则不是有效的正则表达式",
                "charset=no-such-charset", "不认识的字符集");
        for (var r : refusals.entrySet()) {
            Map<String, String> fields = new java.util.HashMap<>(good);
            String[] kv = r.getKey().split("=", 2);
            fields.put(kv[0], kv[1]);
            MockHttpServletResponse answer = form("/admin/sources", fields);
            assertThat(answer.getStatus()).as(r.getKey()).isEqualTo(400);
            assertThat(body(answer)).as(r.getKey()).contains(r.getValue(), "添加来源")
                    .doesNotContain("must be", "Exception");
        }
        assertThat(body(form("/admin/sources", Map.of("url", "https://haibin.example.cn/feed.xml", "name", "海滨晚报",
                "intervalMinutes", "abc")))).contains("value=\"海滨晚报\"", "value=\"abc\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM source").query(Long.class).single()).isEqualTo(before);

        form("/admin/sources", good);
        MockHttpServletResponse twice = form("/admin/sources", good);
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(body(twice)).contains("已有网址为 https://haibin.example.cn/feed.xml 的来源");
        long id = jdbc.sql("SELECT id FROM source WHERE url = 'https://haibin.example.cn/feed.xml'").query(Long.class).single();
        MockHttpServletResponse blankName = form("/admin/sources/" + id, Map.of("url", "https://haibin.example.cn/feed.xml", "name", " ",
                "type", "feed", "intervalMinutes", "30"));
        assertThat(blankName.getStatus()).isEqualTo(400);
        assertThat(body(blankName)).contains("请填写名称");
        assertThat(jdbc.sql("SELECT name FROM source WHERE id = ?").param(id).query(String.class).single()).isEqualTo("海滨晚报");
        assertThat(send(get("/admin/sources/999999/edit"), ADMIN).getRedirectedUrl()).isEqualTo("/admin/sources");
        assertThat(form("/admin/sources/999999/disable", Map.of()).getRedirectedUrl()).isEqualTo("/admin/sources");
    }

    @Test
    void theDashboardChartsArticlesPerHourAndNamesFailingSourcesInChinese() throws Exception {
        long collected = jdbc.sql("SELECT COUNT(*) FROM article WHERE collected_at >= CURRENT_TIMESTAMP - INTERVAL '3' DAY")
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO source (name, url, type, error_streak, last_error, last_error_message, last_poll_at)
                VALUES ('失联日报', 'https://shilian.example.cn/rss.xml', 'feed', 3, 'dns_failed', 'cannot resolve shilian.example.cn',
                        CURRENT_TIMESTAMP)""").update();
        long failing = jdbc.sql("SELECT id FROM source WHERE name = '失联日报'").query(Long.class).single();

        String dashboard = page("/admin", ADMIN);
        assertThat(collected).isPositive();
        assertThat(dashboard).contains("<svg class=\"bars\"", "role=\"img\"", "aria-labelledby=\"chart-title\"",
                "<title id=\"chart-title\">最近 3 天每小时采集的文章数：共 " + collected + " 篇",
                "<caption>每小时采集的文章数</caption>", "文章 ", "已索引 ", "待审核", "热门报道（24 小时）")
                .doesNotContain("<script");
        assertThat(dashboard.split("<rect ", -1).length - 1).isPositive();
        assertThat(dashboard.split("<tr><td>", -1).length - 1).isGreaterThanOrEqualTo(72);
        assertThat(dashboard).contains("<a href=\"/admin/sources/" + failing + "/edit\">失联日报</a>",
                "无法解析域名 shilian.example.cn", "连续失败 3 次").doesNotContain("cannot resolve");
        assertThat(page("/admin", EDITOR)).contains("失联日报", "无法解析域名 shilian.example.cn")
                .doesNotContain("/admin/sources/" + failing + "/edit");
        assertThat(page("/admin/sources", ADMIN)).contains("无法解析域名 shilian.example.cn").doesNotContain("cannot resolve");
        assertThat(page("/admin/sources/" + failing + "/edit", ADMIN)).contains("最近错误", "无法解析域名 shilian.example.cn");
    }
}

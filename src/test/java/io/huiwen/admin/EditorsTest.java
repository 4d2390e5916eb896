package io.huiwen.admin;

import static io.huiwen.DemoSite.idOfTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.article.ArticleRepository;
import io.huiwen.search.IndexSync;
import java.nio.file.Path;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import jakarta.servlet.http.Cookie;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The editors' side over the demo content, end to end: the admin needs a login, and editors' story commands change what readers see. */
@SpringBootTest(properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class EditorsTest {

    static final Path DATA = TestDataDir.create("editors");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @Autowired MockMvc mvc;
    @Autowired ArticleRepository articles;
    @Autowired IndexSync index;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void indexed() {
        index.drain();
    }

    @Test
    void adminNeedsLogin() throws Exception {
        assertThat(mvc.perform(get("/admin")).andReturn().getResponse().getStatus()).isIn(302, 401);
        mvc.perform(get("/admin").with(httpBasic("admin", "test-admin")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("编辑后台")));
        assertThat(mvc.perform(get("/admin").with(httpBasic("admin", "wrong"))).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    /**
     * Single node, embedded H2: the login is kept in the database's admin_session table. (The cookie's
     * HttpOnly and SameSite come from the embedded server's settings, which MockMvc has not; TwoNodesTest
     * checks them over real HTTP.)
     */
    @Test
    void aFormLoginIsASessionKeptInTheEmbeddedDatabase() throws Exception {
        var login = mvc.perform(post("/login").param("username", "admin").param("password", "test-admin").with(csrf()))
                .andExpect(status().isFound()).andReturn().getResponse();
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("SESSION=");
        String session = setCookie.substring("SESSION=".length(), setCookie.indexOf(';'));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_session WHERE principal_name = 'admin'").query(Long.class).single()).isPositive();
        mvc.perform(get("/admin").cookie(new Cookie("SESSION", session)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("编辑后台")));
    }

    @Test
    void editorsSplitAnArticleOutOfItsStoryAndMergeStories() throws Exception {
        var basic = httpBasic("admin", "test-admin");
        long original = idOfTitle(articles, "望海港前十月外贸进出口");
        var members = articles.storyMembers(articles.findById(original).orElseThrow().storyId(), original);
        assertThat(members).hasSize(2);
        long repost = members.get(0).id();
        mvc.perform(post("/api/v1/articles/" + repost + "/split")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/articles/" + repost + "/split").with(basic)).andExpect(status().isOk());
        index.drain();
        assertThat(articles.findById(repost).orElseThrow().storyId()).isEqualTo(repost);
        assertThat(DemoSite.page(mvc, "/c/caijing")).contains("2 家媒体报道");
        mvc.perform(post("/api/v1/stories/merge").with(basic).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"into\":" + articles.findById(original).orElseThrow().storyId() + ",\"from\":" + repost + "}"))
                .andExpect(status().isOk());
        index.drain();
        assertThat(DemoSite.page(mvc, "/c/caijing")).contains("3 家媒体报道");
        mvc.perform(post("/api/v1/stories/merge").with(basic).contentType(MediaType.APPLICATION_JSON).content("{\"into\":1,\"from\":999999}"))
                .andExpect(status().isBadRequest());
    }
}

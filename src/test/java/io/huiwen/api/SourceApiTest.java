package io.huiwen.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.admin.AdminSecurity;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.SourcePoller;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The sources API over the real {@link SourceCatalog} (its checks give the 400 messages) with a
 * mocked {@link JdbcClient} and repositories, and a mocked {@link SourcePoller} for run-now; the clock is the
 * application's own.
 * <p>
 * The slice loads the project's {@code SecurityConfig} (through {@link AdminSecurity}): the tests run as
 * {@code @WithMockUser(roles = "ADMIN")}, and one checks that an anonymous caller gets a Basic challenge.
 * A mock user is a session login, so every call carries the CSRF token (the builder's default request);
 * {@code AccessRulesTest} shows calls without it refused.
 */
@WebMvcTest(controllers = SourceApi.class,
        properties = {"huiwen.data-dir=target/slice-data/source-api", "huiwen.admin.password=test-admin"})
@ImportAutoConfiguration({ApplicationAvailabilityAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class})
@Import({SourceCatalog.class, AdminSecurity.class})
@WithMockUser(roles = "ADMIN")
class SourceApiTest {

    static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 20, 12, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Category CAIJING = new Category(1, "caijing", "财经", 1);

    @Autowired WebApplicationContext context;
    MockMvc mvc;
    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS) JdbcClient jdbc;
    @MockitoBean SourceRepository sources;
    @MockitoBean CategoryRepository categories;
    @MockitoBean SourcePoller poller;
    @MockitoBean io.huiwen.article.AuditLog audit;

    static Source source(long id, String url, Source.Type type, Category category) {
        return new Source(id, "港城日报", url, type, category, 30, 30, true, null, null, false, null, null, null, null, null,
                null, null, null, 0, null, null);
    }

    ResultActions postJson(String path, String json, RequestPostProcessor... processors) throws Exception {
        var request = post(path).contentType(MediaType.APPLICATION_JSON).content(json);
        for (RequestPostProcessor p : processors) {
            request.with(p);
        }
        return mvc.perform(request);
    }

    @BeforeEach
    void mockMvcWithTheFilterChain() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .defaultRequest(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/").with(csrf())).build();
    }

    @Test
    void anAnonymousCallerIsAskedForBasicAuthEvenToRead() throws Exception {
        mvc.perform(get("/api/v1/sources").with(anonymous())).andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
        postJson("/api/v1/sources", "{\"url\":\"https://gangcheng.example.cn/\"}", anonymous()).andExpect(status().isUnauthorized());
        verify(sources, never()).findByUrl(anyString());
    }

    @Test
    void createAnswers201WithTheSourceJsonAndItsLocation() throws Exception {
        String url = "https://gangcheng.example.cn/rss.xml";
        given(categories.require("caijing")).willReturn(CAIJING);
        given(sources.findByUrl(url)).willReturn(Optional.empty(), Optional.of(source(7, url, Source.Type.FEED, CAIJING)));

        postJson("/api/v1/sources", "{\"name\":\"港城日报\",\"url\":\"" + url + "\",\"category\":\"caijing\",\"interval_minutes\":30}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/sources/7"))
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.name").value("港城日报"))
                .andExpect(jsonPath("$.url").value(url))
                .andExpect(jsonPath("$.type").value("feed"))
                .andExpect(jsonPath("$.category.slug").value("caijing"))
                .andExpect(jsonPath("$.interval_minutes").value(30))
                .andExpect(jsonPath("$.articles_24h").value(0))
                .andExpect(jsonPath("$.status").value("new"));
    }

    @Test
    void aUrlThatIsNotHttpIsA400SayingSo() throws Exception {
        postJson("/api/v1/sources", "{\"url\":\"ftp://gangcheng.example.cn/\"}").andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"url must be an absolute http or https URL: ftp://gangcheng.example.cn/\"}", true));
        verify(sources, never()).findByUrl(anyString());
    }

    @Test
    void aMissingUrlIsA400() throws Exception {
        postJson("/api/v1/sources", "{\"name\":\"港城日报\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("url is required"));
    }

    @Test
    void anUnknownTypeIsA400ListingTheTypes() throws Exception {
        postJson("/api/v1/sources", "{\"url\":\"https://gangcheng.example.cn/\",\"type\":\"podcast\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("type must be one of feed, sitemap, list, page"));
    }

    @Test
    void anIntervalOutOfRangeIsA400() throws Exception {
        given(sources.findByUrl(any())).willReturn(Optional.empty());

        postJson("/api/v1/sources", "{\"url\":\"https://gangcheng.example.cn/\",\"interval_minutes\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("interval_minutes must be between 1 and 10080"));
    }

    @Test
    void anUnknownCategoryIsA400NamingTheSlug() throws Exception {
        given(sources.findByUrl(any())).willReturn(Optional.empty());
        given(categories.require("nosuch")).willThrow(new IllegalArgumentException("no category with slug 'nosuch'"));

        postJson("/api/v1/sources", "{\"url\":\"https://gangcheng.example.cn/\",\"category\":\"nosuch\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().json("{\"error\":\"no category with slug 'nosuch'\"}", true));
    }

    @Test
    void aBodyThatIsNotJsonIsA400() throws Exception {
        postJson("/api/v1/sources", "{url:").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("the request body is not valid JSON for this call"));
    }

    @Test
    void anUnknownIdIsA404ForGetChangeAndRun() throws Exception {
        mvc.perform(get("/api/v1/sources/99")).andExpect(status().isNotFound())
                .andExpect(content().json("{\"error\":\"no source with id 99\"}", true));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/sources/99")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("no source with id 99"));
        mvc.perform(post("/api/v1/sources/99/run")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no source with id 99"));
    }

    @Test
    void deletingAnUnknownSourceIsA404AndAKnownOneA204() throws Exception {
        mvc.perform(delete("/api/v1/sources/99")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("no source with id 99"));
        given(sources.findById(7)).willReturn(Optional.of(source(7, "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, CAIJING)));
        given(jdbc.sql("DELETE FROM source WHERE id = ?").param(7L).update()).willReturn(1);
        mvc.perform(delete("/api/v1/sources/7")).andExpect(status().isNoContent());
    }

    @Test
    void getShowsTheCountsAndAFailingStatus() throws Exception {
        var failing = new Source(7, "港城日报", "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, null, 30, 60, true, null,
                null, false, null, null, null, null, null, null, NOON, null, 3, "http_status", "HTTP 503");
        given(sources.findById(7)).willReturn(Optional.of(failing));
        given(sources.collectedCounts(any())).willReturn(Map.of(7L, new long[] {4, 120}));

        mvc.perform(get("/api/v1/sources/7")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("failing"))
                .andExpect(jsonPath("$.error_streak").value(3))
                .andExpect(jsonPath("$.last_error").value("http_status"))
                .andExpect(jsonPath("$.current_interval_minutes").value(60))
                .andExpect(jsonPath("$.articles_24h").value(4))
                .andExpect(jsonPath("$.articles_total").value(120));
    }

    @Test
    void listHasTheItems() throws Exception {
        given(sources.findAll()).willReturn(List.of(source(7, "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, CAIJING)));
        given(sources.collectedCounts(any())).willReturn(Map.of());

        mvc.perform(get("/api/v1/sources")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(7)).andExpect(jsonPath("$.items[0].type").value("feed"));
    }

    @Test
    void runNowAnswersWithWhatThePollFound() throws Exception {
        Source s = source(7, "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, CAIJING);
        given(sources.findById(7)).willReturn(Optional.of(s));
        given(poller.runNow(s)).willReturn(Optional.of(new SourcePoller.PollResult(7, 12, 5, 7, 0, false, null, null)));

        mvc.perform(post("/api/v1/sources/7/run")).andExpect(status().isOk())
                .andExpect(jsonPath("$.poll.found").value(12))
                .andExpect(jsonPath("$.poll.stored").value(5))
                .andExpect(jsonPath("$.source.id").value(7));
    }

    @Test
    void runNowWhileAPollIsRunningIsA409NamingTheNodeHoldingTheLease() throws Exception {
        Source s = source(7, "https://gangcheng.example.cn/rss.xml", Source.Type.FEED, CAIJING);
        given(sources.findById(7)).willReturn(Optional.of(s));
        given(poller.runNow(s)).willReturn(Optional.empty());
        given(sources.lease(7)).willReturn(Optional.of(new SourceRepository.Lease("node-b", NOON)));

        mvc.perform(post("/api/v1/sources/7/run")).andExpect(status().isConflict())
                .andExpect(content().json("{\"error\":\"source 7 is being polled right now by node node-b (lease until "
                        + NOON + ")\"}", true));
    }
}

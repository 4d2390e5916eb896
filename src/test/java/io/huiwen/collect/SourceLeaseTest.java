package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.HandClock;
import io.huiwen.TestDataDir;
import io.huiwen.article.SourceRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leases on sources as an editor meets them through "run now": a lease left by a dead node blocks
 * only until it runs out, a long poll keeps its lease through heartbeats, and a node whose lease
 * was taken over neither renews it nor writes over the new holder. Time is a hand-moved clock; the
 * heartbeat is the real scheduled one, ticking every 100 ms of wall time against that clock.
 */
@SpringBootTest(properties = {"huiwen.admin.password=secret", "huiwen.demo-content=false", "huiwen.collect.enabled=false",
        "huiwen.collect.allow-private-hosts=true", "huiwen.collect.host-delay=10ms", "huiwen.node-id=node-a",
        "huiwen.collect.lease.heartbeat=100ms"})
@AutoConfigureMockMvc
class SourceLeaseTest {

    @RegisterExtension
    static final FakeSiteExtension SITE = new FakeSiteExtension();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EMPTY_FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        HandClock handClock() {
            return new HandClock("2026-11-28T08:00:00Z");
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", () -> TestDataDir.create("leases").toString());
    }

    @Autowired MockMvc mvc;
    @Autowired HandClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SourceRepository sources;
    @Autowired SourceLeases leases;

    @Test
    void aLeaseLeftByADeadNodeBlocksRunNowOnlyUntilItRunsOut() throws Exception {
        SITE.page("/dead/feed.xml", "application/rss+xml", EMPTY_FEED);
        long id = createSource("/dead/feed.xml");
        // as a node that died just after renewing its lease left the row
        jdbc.sql("UPDATE source SET lease_owner = 'node-dead', lease_until = ? WHERE id = ?").params(now().plusSeconds(60), id).update();

        MockHttpServletResponse refused = run(id);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(JSON.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("error").asString())
                .contains("being polled right now").contains("node-dead");
        clock.advance(Duration.ofSeconds(59));
        assertThat(run(id).getStatus()).as("the lease has a second left").isEqualTo(409);

        clock.advance(Duration.ofSeconds(2));
        MockHttpServletResponse ran = run(id);
        assertThat(ran.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(ran.getContentAsString(StandardCharsets.UTF_8)).get("poll").get("found").asInt()).isZero();
        assertThat(row(id)).isEqualTo(new Row(null, null, now()));
    }

    @Test
    void aLongPollKeepsItsLeaseThroughHeartbeatsAndGivesItBackWhenDone() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1), release = new CountDownLatch(1);
        SITE.on("/slow/feed.xml", (exchange, call) -> {
            fetching.countDown();
            release.await(60, TimeUnit.SECONDS);
            FakeSite.reply(exchange, 200, "application/rss+xml", EMPTY_FEED.getBytes(StandardCharsets.UTF_8));
        });
        long id = createSource("/slow/feed.xml");
        OffsetDateTime started = now();
        CompletableFuture<MockHttpServletResponse> poll = CompletableFuture.supplyAsync(() -> run(id));
        assertThat(fetching.await(20, TimeUnit.SECONDS)).as("the poll reached the site").isTrue();
        assertThat(row(id).owner()).isEqualTo("node-a");

        for (int i = 0; i < 13; i++) { // 13 × 45 s: a poll of nearly ten minutes, on a lease of one
            clock.advance(Duration.ofSeconds(45));
            OffsetDateTime renewedTo = now().plusSeconds(60);
            awaitTrue(() -> !row(id).leaseUntil().isBefore(renewedTo), "a heartbeat renews the lease to a minute from now");
            OffsetDateTime at = now();
            assertThat(sources.tryLease(id, "node-b", at, at.plusSeconds(60))).as("another node cannot take the source").isFalse();
            assertThat(run(id).getStatus()).as("nor can a second run now").isEqualTo(409);
        }
        assertThat(row(id).owner()).isEqualTo("node-a");

        release.countDown();
        assertThat(poll.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(row(id)).as("released when the poll ends").isEqualTo(new Row(null, null, started));
    }

    @Test
    void aHeartbeatDoesNotRenewALeaseAnotherNodeHasTakenOver() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1), release = new CountDownLatch(1);
        SITE.on("/stalled/feed.xml", (exchange, call) -> {
            fetching.countDown();
            release.await(60, TimeUnit.SECONDS);
            FakeSite.reply(exchange, 200, "application/rss+xml", EMPTY_FEED.getBytes(StandardCharsets.UTF_8));
        });
        long id = createSource("/stalled/feed.xml");
        CompletableFuture<MockHttpServletResponse> poll = CompletableFuture.supplyAsync(() -> run(id));
        assertThat(fetching.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(row(id).owner()).isEqualTo("node-a");

        // node-a stalled past its lease, and node-b took the source over, as node-b leaves the row
        clock.advance(Duration.ofSeconds(90));
        OffsetDateTime takenUntil = now().plusSeconds(60);
        jdbc.sql("UPDATE source SET lease_owner = 'node-b', lease_until = ? WHERE id = ?").params(takenUntil, id).update();
        leases.heartbeat();
        assertThat(row(id)).isEqualTo(new Row("node-b", takenUntil, null));

        release.countDown();
        assertThat(poll.get(20, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(row(id)).as("node-a's poll ended without clearing node-b's lease or writing its outcome")
                .isEqualTo(new Row("node-b", takenUntil, null));
    }

    /** A source's lease and last poll as stored, in UTC. */
    record Row(String owner, OffsetDateTime leaseUntil, OffsetDateTime lastPollAt) {}

    Row row(long id) {
        return jdbc.sql("SELECT lease_owner, lease_until, last_poll_at FROM source WHERE id = ?").param(id)
                .query((rs, i) -> new Row(rs.getString(1), utc(rs.getObject(2, OffsetDateTime.class)),
                        utc(rs.getObject(3, OffsetDateTime.class)))).single();
    }

    static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    long createSource(String path) throws Exception {
        String json = mvc.perform(post("/api/v1/sources").with(httpBasic("admin", "secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + SITE.url(path) + "\",\"type\":\"feed\",\"enabled\":false}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JSON.readTree(json).get("id").asLong();
    }

    MockHttpServletResponse run(long id) {
        try {
            return mvc.perform(post("/api/v1/sources/" + id + "/run").with(httpBasic("admin", "secret"))).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the condition every 10 ms until it holds, failing after 10 s. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }
}

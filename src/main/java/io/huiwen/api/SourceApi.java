package io.huiwen.api;

import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.SourcePoller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/sources}: editors register and manage what Huiwen collects (admin only). */
@RestController
@RequestMapping("/api/v1/sources")
class SourceApi {

    private final SourceCatalog catalog;
    private final SourceRepository sources;
    private final SourcePoller poller;
    private final Clock clock;
    private final io.huiwen.article.AuditLog audit;

    SourceApi(SourceCatalog catalog, SourceRepository sources, SourcePoller poller, Clock clock, io.huiwen.article.AuditLog audit) {
        this.catalog = catalog;
        this.sources = sources;
        this.poller = poller;
        this.clock = clock;
        this.audit = audit;
    }

    /** The JSON body of a create or change; absent fields stay as they are (or take their defaults). */
    record SourceInput(String name, String url, String type, String category, Integer intervalMinutes, Boolean enabled,
                       String charset, String referer, Boolean needsReview, String cssSelector, String includePattern,
                       String excludePattern) {

        Source.Settings settings() {
            return new Source.Settings(name, url, type == null ? null : Source.Type.of(type), category, intervalMinutes, enabled,
                    charset, referer, needsReview, cssSelector, includePattern, excludePattern);
        }
    }

    @GetMapping
    ApiModels.Items<SourceJson> list() {
        var counts = sources.collectedCounts(OffsetDateTime.now(clock));
        return new ApiModels.Items<>(sources.findAll().stream().map(s -> SourceJson.of(s, counts.get(s.id()))).toList());
    }

    @GetMapping("/{id}")
    SourceJson get(@PathVariable long id) {
        Source s = sources.findById(id).orElseThrow(() -> new SourceCatalog.SourceNotFoundException(id));
        return SourceJson.of(s, sources.collectedCounts(OffsetDateTime.now(clock)).get(id));
    }

    @PostMapping
    ResponseEntity<SourceJson> create(@RequestBody SourceInput input, java.security.Principal who) {
        Source s = catalog.create(who.getName(), input.settings());
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/sources/" + s.id()).body(SourceJson.of(s, null));
    }

    @PatchMapping("/{id}")
    SourceJson update(@PathVariable long id, @RequestBody SourceInput input, java.security.Principal who) {
        return SourceJson.of(catalog.update(who.getName(), id, input.settings()), sources.collectedCounts(OffsetDateTime.now(clock)).get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, java.security.Principal who) {
        catalog.delete(who.getName(), id);
        return ResponseEntity.noContent().build();
    }

    /** Polls the source now and answers when done, with what the poll found. */
    @PostMapping("/{id}/run")
    ResponseEntity<?> run(@PathVariable long id, java.security.Principal who) {
        Source s = sources.findById(id).orElseThrow(() -> new SourceCatalog.SourceNotFoundException(id));
        return poller.runNow(s).<ResponseEntity<?>>map(poll -> {
                    audit.record(who.getName(), "source.run", "source", id, "立即抓取 " + s.name(), null,
                            poll.error() == null ? "found " + poll.found() + ", stored " + poll.stored() : poll.error());
                    return ResponseEntity.ok(Map.of("poll", poll, "source", get(id)));
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiModels.Error("source " + id
                        + " is being polled right now" + sources.lease(id).map(SourceApi::holder).orElse(""))));
    }

    /** Who holds a lease, so an editor can tell a live poll from a node that died (its lease runs out at {@code until}). */
    private static String holder(SourceRepository.Lease lease) {
        return lease.owner() == null ? " (lease until " + lease.until() + ")"
                : " by node " + lease.owner() + " (lease until " + lease.until() + ")";
    }

    /** A source as the API shows it, with its polling health. */
    record SourceJson(long id, String name, String url, String type, ApiModels.CategoryRef category, int intervalMinutes,
                      int currentIntervalMinutes, boolean enabled, String charset, String referer, boolean needsReview,
                      String cssSelector, String includePattern, String excludePattern, OffsetDateTime nextPollAt,
                      OffsetDateTime lastPollAt, OffsetDateTime lastSuccessAt, int errorStreak, String lastError,
                      String lastErrorMessage, @com.fasterxml.jackson.annotation.JsonProperty("articles_24h") long articles24h,
                      long articlesTotal, String status) {

        static SourceJson of(Source s, long[] counts) {
            String status = !s.enabled() ? "disabled" : s.errorStreak() > 0 ? "failing" : s.lastPollAt() == null ? "new" : "ok";
            return new SourceJson(s.id(), s.name(), s.url(), s.type().code(), ApiModels.CategoryRef.of(s.category()),
                    s.intervalMinutes(), s.currentIntervalMinutes(), s.enabled(), s.charset(), s.referer(), s.needsReview(),
                    s.cssSelector(), s.includePattern(), s.excludePattern(), s.nextPollAt(), s.lastPollAt(), s.lastSuccessAt(),
                    s.errorStreak(), s.lastError(), s.lastErrorMessage(), counts == null ? 0 : counts[0],
                    counts == null ? 0 : counts[1], status);
        }
    }

}

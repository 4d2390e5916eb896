package io.huiwen.collect;

import crawlercommons.robots.BaseRobotRules;
import io.huiwen.article.HostSlots;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches pages the way a good guest does: only public http(s) addresses (checked on every
 * redirect hop), only what robots.txt allows, one request at a time per host with a pause
 * between (across collector nodes too, given {@link HostSlots}), conditional GET, retries with backoff, and hard limits on time and size.
 * Thread-safe: many threads may fetch from different hosts at once.
 */
public final class PoliteFetcher implements AutoCloseable {

    private final CollectProperties props;
    private final AddressGuard guard;
    private final RobotsRules robots;
    private final HostThrottle throttle;
    private final RetryPolicy retryPolicy;
    private final FetchMetrics metrics;
    private final ExecutorService executor;
    private final HttpHop hop;
    private final Clock clock;

    /** A fetcher that keeps to its pauses at each host by itself (a command, a test). */
    public PoliteFetcher(CollectProperties props, String userAgent, MeterRegistry registry, Clock clock) {
        this(props, userAgent, registry, clock, AddressGuard.HostResolver.SYSTEM, null);
    }

    /** A fetcher that takes its turns at each host with every other node sharing {@code slots}' database. */
    public PoliteFetcher(CollectProperties props, String userAgent, MeterRegistry registry, Clock clock, HostSlots slots) {
        this(props, userAgent, registry, clock, AddressGuard.HostResolver.SYSTEM, slots);
    }

    PoliteFetcher(CollectProperties props, String userAgent, MeterRegistry registry, Clock clock,
                  AddressGuard.HostResolver resolver) {
        this(props, userAgent, registry, clock, resolver, null);
    }

    private PoliteFetcher(CollectProperties props, String userAgent, MeterRegistry registry, Clock clock,
                          AddressGuard.HostResolver resolver, HostSlots slots) {
        this.props = props;
        this.throttle = new HostThrottle(slots);
        this.clock = clock;
        this.guard = new AddressGuard(props.allowPrivateHosts(), resolver);
        this.robots = new RobotsRules(clock, this::loadRobots);
        this.retryPolicy = new RetryPolicy(props.retries(), props.retryBackoff(), clock);
        this.metrics = new FetchMetrics(registry);
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "huiwen-fetch-io");
            thread.setDaemon(true);
            return thread;
        });
        this.hop = new HttpHop(props.connectTimeout(), props.readTimeout(), userAgent, executor);
    }

    /** Fetches {@code request.url()}, following redirects; blocks until done or the request timeout. */
    public FetchResponse fetch(FetchRequest request) throws FetchFailure {
        long start = System.nanoTime();
        String outcome = FetchFailureReason.IO_ERROR.code();
        try {
            FetchResponse response = follow(request);
            outcome = response.notModified() ? "not_modified" : "ok";
            return response;
        } catch (FetchFailure f) {
            outcome = f.reason().code();
            throw f;
        } finally {
            metrics.record(outcome, System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private FetchResponse follow(FetchRequest request) throws FetchFailure {
        if (request == null || request.url() == null) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "no URL to fetch");
        }
        Deadline deadline = Deadline.after(props.requestTimeout());
        URI url = request.url();
        for (int redirects = 0; ; redirects++) {
            HttpHop.Answer answer = withRetries(url, request, deadline);
            if (!isRedirect(answer.status())) {
                return toResponse(answer, request);
            }
            if (redirects >= props.maxRedirects()) {
                throw new FetchFailure(FetchFailureReason.TOO_MANY_REDIRECTS, "more than " + props.maxRedirects()
                        + " redirects from " + request.url());
            }
            url = location(answer);
        }
    }

    private HttpHop.Answer withRetries(URI url, FetchRequest request, Deadline deadline) throws FetchFailure {
        for (int attempt = 0; ; attempt++) {
            FetchFailure failure;
            try {
                HttpHop.Answer answer = politely(url, request, deadline);
                failure = statusFailure(answer);
                if (failure == null) {
                    return answer;
                }
            } catch (FetchFailure f) {
                failure = f;
            }
            Duration wait = request.retry() ? retryPolicy.waitBefore(attempt, failure, deadline) : null;
            if (wait == null) {
                throw failure;
            }
            RetryPolicy.sleep(wait);
        }
    }

    /** Guard, robots.txt, then the host's turn: the path every page request takes. */
    private HttpHop.Answer politely(URI url, FetchRequest request, Deadline deadline) throws FetchFailure {
        guard.check(url);
        BaseRobotRules rules = robots.rulesFor(url, deadline);
        if (!rules.isAllowed(url.toString())) {
            throw new FetchFailure(FetchFailureReason.ROBOTS_DISALLOWED, "robots.txt disallows " + url);
        }
        try (HostThrottle.Permit permit = throttle.acquire(HostThrottle.hostKey(url), deadline)) {
            permit.awaitTurn(gapFor(rules), deadline);
            return hop.send(url, request, props.maxBytes(), false, deadline);
        }
    }

    /** robots.txt goes through the same guard and host turns, without robots rules of its own. */
    private RobotsRules.Answer loadRobots(URI robotsUrl, Deadline deadline) throws FetchFailure {
        URI url = robotsUrl;
        for (int redirects = 0; ; redirects++) {
            guard.check(url);
            HttpHop.Answer answer;
            try (HostThrottle.Permit permit = throttle.acquire(HostThrottle.hostKey(url), deadline)) {
                permit.awaitTurn(props.hostDelay(), deadline);
                answer = hop.send(url, null, RobotsRules.MAX_BYTES, true, deadline);
            }
            if (!isRedirect(answer.status())) {
                return new RobotsRules.Answer(url, answer.status(), answer.header("Content-Type"), answer.body());
            }
            if (redirects >= props.maxRedirects()) {
                throw new FetchFailure(FetchFailureReason.TOO_MANY_REDIRECTS, "robots.txt redirects too often: " + robotsUrl);
            }
            url = location(answer);
        }
    }

    private Duration gapFor(BaseRobotRules rules) {
        Duration crawlDelay = RobotsRules.crawlDelay(rules);
        if (crawlDelay == null) {
            return props.hostDelay();
        }
        Duration capped = crawlDelay.compareTo(props.maxCrawlDelay()) > 0 ? props.maxCrawlDelay() : crawlDelay;
        return capped.compareTo(props.hostDelay()) > 0 ? capped : props.hostDelay();
    }

    private FetchFailure statusFailure(HttpHop.Answer answer) {
        int status = answer.status();
        String what = "HTTP " + status + " from " + answer.url();
        if (status == 429) {
            return new FetchFailure(FetchFailureReason.HTTP_429, what, retryPolicy.retryAfter(answer.header("Retry-After")));
        }
        if (status >= 500) {
            return new FetchFailure(FetchFailureReason.HTTP_5XX, what, retryPolicy.retryAfter(answer.header("Retry-After")));
        }
        if (status == 404) {
            return new FetchFailure(FetchFailureReason.HTTP_404, what);
        }
        return status >= 400 ? new FetchFailure(FetchFailureReason.HTTP_4XX, what) : null;
    }

    private FetchResponse toResponse(HttpHop.Answer answer, FetchRequest request) throws FetchFailure {
        int status = answer.status();
        if (status != 304 && (status < 200 || status >= 300)) {
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "unexpected HTTP " + status + " from " + answer.url());
        }
        String etag = answer.header("ETag");
        String lastModified = answer.header("Last-Modified");
        if (status == 304) {
            etag = etag != null ? etag : request.etag();
            lastModified = lastModified != null ? lastModified : request.lastModified();
        }
        return new FetchResponse(answer.url(), status, answer.header("Content-Type"), answer.body(), etag, lastModified,
                clock.instant());
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI location(HttpHop.Answer answer) throws FetchFailure {
        String location = answer.header("Location");
        if (location == null || location.isBlank()) {
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "HTTP " + answer.status() + " without Location from " + answer.url());
        }
        try {
            return answer.url().resolve(new URI(location.trim().replace(" ", "%20")));
        } catch (Exception e) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "unreadable redirect target " + location);
        }
    }
}

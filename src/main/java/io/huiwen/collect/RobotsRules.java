package io.huiwen.collect;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What each site's robots.txt allows Huiwen, cached per site for an hour. A missing robots.txt
 * (4xx) allows everything; a failing one (5xx, 429, unreachable) defers the whole site for ten
 * minutes, during which nothing is requested from it. One load per site at a time.
 */
final class RobotsRules {

    static final String AGENT = "huiwen";
    static final Duration TTL = Duration.ofHours(1);
    static final Duration DEFERRAL = Duration.ofMinutes(10);
    static final int MAX_BYTES = 512 * 1024;
    private static final int MAX_SITES = 10_000;

    /** robots.txt as the server answered it (after redirects). */
    record Answer(URI url, int status, String contentType, byte[] body) {}

    /** Fetches a robots.txt through the guarded, throttled path. */
    @FunctionalInterface
    interface Loader {
        Answer load(URI robotsUrl, Deadline deadline) throws FetchFailure;
    }

    private record Entry(BaseRobotRules rules, Instant expires, Instant deferredUntil) {}

    private final Clock clock;
    private final Loader loader;
    private final Map<String, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_SITES;
        }
    };
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> loading = new ConcurrentHashMap<>();

    RobotsRules(Clock clock, Loader loader) {
        this.clock = clock;
        this.loader = loader;
    }

    /** The rules for {@code url}'s site; fails with ROBOTS_UNAVAILABLE while the site is deferred. */
    BaseRobotRules rulesFor(URI url, Deadline deadline) throws FetchFailure {
        URI robots = robotsUrl(url);
        String site = robots.getScheme() + "://" + robots.getRawAuthority();
        Entry entry = cached(site);
        if (entry == null) {
            entry = load(site, robots, deadline);
        }
        if (entry.deferredUntil() != null) {
            Duration wait = Duration.between(clock.instant(), entry.deferredUntil());
            throw new FetchFailure(FetchFailureReason.ROBOTS_UNAVAILABLE, "robots.txt of " + site + " unavailable; site deferred",
                    wait.isNegative() ? Duration.ZERO : wait);
        }
        return entry.rules();
    }

    /** The site's Crawl-delay, or null when it sets none. */
    static Duration crawlDelay(BaseRobotRules rules) {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0 ? null : Duration.ofMillis(millis);
    }

    private synchronized Entry cached(String site) {
        Entry entry = cache.get(site);
        Instant now = clock.instant();
        if (entry != null && !now.isBefore(entry.expires())) {
            cache.remove(site);
            return null;
        }
        return entry;
    }

    private synchronized void store(String site, Entry entry) {
        cache.put(site, entry);
    }

    private Entry load(String site, URI robots, Deadline deadline) throws FetchFailure {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = loading.putIfAbsent(site, mine);
        if (running != null) {
            return awaitOther(running, deadline);
        }
        try {
            Entry entry = fetchAndParse(robots, deadline);
            store(site, entry);
            mine.complete(entry);
            return entry;
        } catch (FetchFailure | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(site, mine);
        }
    }

    private Entry fetchAndParse(URI robots, Deadline deadline) throws FetchFailure {
        Instant now = clock.instant();
        Answer answer;
        try {
            answer = loader.load(robots, deadline);
        } catch (FetchFailure f) {
            if (f.reason() == FetchFailureReason.TIMEOUT && deadline.passed()) {
                throw f; // our caller ran out of time, which says nothing about the site
            }
            if (f.reason() == FetchFailureReason.TOO_MANY_REDIRECTS) {
                return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(TTL), null);
            }
            return new Entry(null, now.plus(DEFERRAL), now.plus(DEFERRAL));
        }
        int status = answer.status();
        if (status >= 500 || status == 429) {
            return new Entry(null, now.plus(DEFERRAL), now.plus(DEFERRAL));
        }
        if (status < 200 || status >= 300) {
            return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), now.plus(TTL), null);
        }
        // The parser turns a Crawl-delay above its own limit into "disallow all"; we cap the delay instead.
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 5);
        BaseRobotRules rules = parser.parseContent(answer.url().toString(), answer.body(), answer.contentType(), List.of(AGENT));
        return new Entry(rules, now.plus(TTL), null);
    }

    private static Entry awaitOther(CompletableFuture<Entry> running, Deadline deadline) throws FetchFailure {
        try {
            return running.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new FetchFailure(FetchFailureReason.TIMEOUT, "timed out waiting for robots.txt");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FetchFailure f) {
                throw new FetchFailure(f.reason(), f.getMessage(), f.retryAfter());
            }
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "robots.txt could not be read: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "interrupted waiting for robots.txt");
        }
    }

    static URI robotsUrl(URI url) throws FetchFailure {
        String host = AddressGuard.hostOf(url);
        try {
            return new URI(url.getScheme().toLowerCase(Locale.ROOT), null, host, url.getPort(), "/robots.txt", null, null);
        } catch (URISyntaxException e) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "cannot build robots.txt URL for " + url);
        }
    }
}

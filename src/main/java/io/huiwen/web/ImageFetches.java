package io.huiwen.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.huiwen.collect.FetchFailure;
import io.huiwen.collect.FetchRequest;
import io.huiwen.collect.FetchResponse;
import io.huiwen.collect.PoliteFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets article images for readers without tying readers up. Fetches run on a few threads of
 * their own with a bounded queue; readers of one image share its one fetch and wait for it only
 * briefly, after which they are told "not yet" while the fetch goes on and fills the cache.
 * A failed image is remembered for a while, so a broken image costs the outlet one request per
 * {@code failure-ttl}, not one per reader.
 */
final class ImageFetches implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageFetches.class);

    /** What a reader gets. */
    sealed interface Answer {}

    /** The image, from the cache or just fetched. */
    record Found(byte[] bytes, String contentType) implements Answer {}

    /** The outlet failed or sent no usable raster image, now or within the failure TTL. */
    record Failed(String reason) implements Answer {}

    /** Still being fetched (or waiting for a fetch thread): ask again shortly. */
    record NotYet() implements Answer {}

    private final PoliteFetcher fetcher;
    private final ImageCache cache;
    private final ImageProperties props;
    private final Cache<String, String> failures;
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    ImageFetches(PoliteFetcher fetcher, ImageCache cache, ImageProperties props, Clock clock) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.props = props;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(props.failureTtl())
                .maximumSize(50_000)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(props.fetchThreads(), props.fetchThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(props.fetchQueue()), task -> {
                    Thread thread = new Thread(task, "huiwen-image-fetch-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** The image at {@code src}; blocks for at most the configured wait. */
    Answer image(String src, String referer) {
        Answer known = known(src);
        if (known != null) {
            return known;
        }
        try {
            return shared(src, referer).get(props.readerWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new NotYet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotYet();
        } catch (ExecutionException e) {
            return new Failed(String.valueOf(e.getCause()));
        }
    }

    /** The cached image, or the remembered failure, or null when neither is known. */
    private Answer known(String src) {
        var cached = cache.read(src);
        if (cached.isPresent()) {
            return new Found(cached.get().bytes(), cached.get().contentType());
        }
        String failure = failures.getIfPresent(src);
        return failure == null ? null : new Failed(failure);
    }

    /** The one fetch of {@code src}: the running one, or a new one if none runs. */
    private CompletableFuture<Answer> shared(String src, String referer) {
        CompletableFuture<Answer> mine = new CompletableFuture<>();
        CompletableFuture<Answer> running = inFlight.putIfAbsent(src, mine);
        if (running != null) {
            return running;
        }
        try {
            executor.execute(() -> complete(src, referer, mine));
        } catch (RejectedExecutionException e) {
            inFlight.remove(src, mine);
            mine.complete(new NotYet()); // too many images queued: this reader asks again later, nothing is remembered
        }
        return mine;
    }

    private void complete(String src, String referer, CompletableFuture<Answer> future) {
        Answer answer = new Failed("fetch did not finish");
        try {
            answer = fetchUnlessKnown(src, referer);
        } catch (RuntimeException e) {
            log.warn("Image fetch of {} failed unexpectedly", src, e);
            failures.put(src, e.toString());
        } finally {
            // Cache or failure is recorded before the fetch leaves the map, so a later reader finds one of the three.
            inFlight.remove(src, future);
            future.complete(answer);
        }
    }

    /** The image fetched, unless a fetch that just finished already cached it or failed. */
    private Answer fetchUnlessKnown(String src, String referer) {
        Answer known = known(src);
        if (known != null) {
            return known;
        }
        String refused;
        try {
            FetchResponse r = fetcher.fetch(new FetchRequest(URI.create(src), null, null, referer).once()); // a failure is remembered, not retried
            String type = RasterImage.ofHeader(r.contentType());
            if (type != null && r.body().length > 0 && r.body().length <= props.maxImageBytes().toBytes()) {
                store(src, r.body(), type);
                return new Found(r.body(), type);
            }
            refused = "not a raster image of up to " + props.maxImageBytes() + ": " + r.contentType() + ", " + r.body().length + " bytes";
        } catch (FetchFailure e) {
            refused = e.reason().code() + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            refused = "bad image URL: " + e.getMessage();
        }
        log.info("Image {} refused for {}: {}", src, props.failureTtl(), refused);
        failures.put(src, refused);
        return new Failed(refused);
    }

    private void store(String src, byte[] bytes, String type) {
        try {
            cache.store(src, bytes, type);
        } catch (IOException e) {
            log.warn("Could not cache image {}: {}", src, e.toString()); // still served from memory this time
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

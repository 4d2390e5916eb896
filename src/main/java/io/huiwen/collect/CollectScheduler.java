package io.huiwen.collect;

import io.huiwen.article.SourceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls due sources: every tick it leases what is due (other collector nodes skip leased rows)
 * and hands each source to a small pool of poll threads. A poll that fails is recorded on its
 * source; nothing a source does stops the scheduler.
 */
@Component
@ConditionalOnBooleanProperty(name = "huiwen.collect.enabled", matchIfMissing = true)
class CollectScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectScheduler.class);
    static final Duration LEASE = Duration.ofMinutes(15);

    private final SourceRepository sources;
    private final SourcePoller poller;
    private final Clock clock;
    private final ExecutorService pool;
    private final AtomicInteger running = new AtomicInteger();
    private final int threads;

    CollectScheduler(SourceRepository sources, SourcePoller poller, CollectProperties properties, Clock clock) {
        this.sources = sources;
        this.poller = poller;
        this.clock = clock;
        this.threads = Math.max(1, properties.schedulerThreads());
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "huiwen-collect");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "${huiwen.collect.tick:5s}", initialDelayString = "${huiwen.collect.initial-delay:10s}")
    void tick() {
        int free = threads - running.get();
        if (free <= 0) {
            return;
        }
        try {
            for (long id : sources.leaseDue(free, LEASE, OffsetDateTime.now(clock))) {
                running.incrementAndGet();
                pool.execute(() -> {
                    try {
                        sources.findById(id).ifPresent(poller::poll);
                    } catch (RuntimeException e) {
                        log.warn("poll of source {} failed", id, e);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("collect tick failed; trying again next tick", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

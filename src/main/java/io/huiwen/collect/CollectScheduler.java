package io.huiwen.collect;

import io.huiwen.article.SourceRepository;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls due sources: every tick it leases what is due (other collector nodes skip leased rows;
 * {@link SourceLeases} keeps the leases alive while the polls run) and hands each source to a small
 * pool of poll threads. A poll that fails is recorded on its source; nothing a source does stops
 * the scheduler.
 */
@Component
class CollectScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectScheduler.class);

    private final SourceRepository sources;
    private final SourceLeases leases;
    private final SourcePoller poller;
    /** Null when {@code huiwen.collect.enabled=false}: the node polls nothing. */
    private final ExecutorService pool;
    private final AtomicInteger running = new AtomicInteger();
    private final int threads;

    /**
     * {@code huiwen.collect.enabled} is read here, at start, rather than by a condition on the bean, so
     * that the build's ahead-of-time bean definitions honour it too.
     */
    CollectScheduler(SourceRepository sources, SourceLeases leases, SourcePoller poller, CollectProperties properties) {
        this.sources = sources;
        this.leases = leases;
        this.poller = poller;
        this.threads = Math.max(1, properties.schedulerThreads());
        this.pool = !properties.enabled() ? null : new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "huiwen-collect");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(fixedDelayString = "#{@'" + CollectProperties.BEAN + "'.tick().toMillis()}",
            initialDelayString = "#{@'" + CollectProperties.BEAN + "'.initialDelay().toMillis()}")
    void tick() {
        if (pool == null) {
            return;
        }
        int free = threads - running.get();
        if (free <= 0) {
            return;
        }
        try {
            for (SourceLeases.Lease lease : leases.takeDue(free)) {
                running.incrementAndGet();
                pool.execute(() -> {
                    try (lease) {
                        sources.findById(lease.sourceId()).ifPresent(s -> poller.poll(s, lease));
                    } catch (RuntimeException e) {
                        log.warn("poll of source {} failed", lease.sourceId(), e);
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
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

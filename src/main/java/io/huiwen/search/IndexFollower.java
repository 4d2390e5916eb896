package io.huiwen.search;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.ChangeLog;
import io.huiwen.article.JobLeases;
import io.huiwen.article.StartupWrites;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A running portal node's part in the change log: before the node is ready, its index catches up
 * with what the database holds (first on a thread of its own as soon as the start's own writes, the
 * demo articles, are stored, while Spring builds the rest; then once more in this runner; Spring Boot
 * declares readiness only after every runner has finished, so the first reader finds search and
 * 相关阅读 complete); then it reads the log every sync interval; and one node at a time prunes the
 * log below what every live reader has read. Commands (import, reextract, reindex) run no web
 * server and so none of this: a command against a shared database never reads the log into an
 * index of its own, and never holds back pruning.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class IndexFollower implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    static final String PRUNE_JOB = "change-log.prune";

    private final IndexSync sync;
    private final ChangeLog changes;
    private final JobLeases leases;
    private final Duration retention;
    private volatile boolean failing;
    /** The catch-up begun while Spring builds the rest of the portal, as soon as the start's own writes are stored. */
    private final CompletableFuture<Void> early;

    IndexFollower(IndexSync sync, ChangeLog changes, JobLeases leases, StartupWrites startupWrites, HuiwenProperties properties) {
        this.sync = sync;
        this.changes = changes;
        this.leases = leases;
        this.retention = properties.search().changeRetention();
        this.early = startupWrites.done().thenRunAsync(sync::catchUp, work -> {
            Thread thread = new Thread(work, "index-catch-up");
            thread.setDaemon(true); // a start that fails meanwhile is not held up by it
            thread.start();
        });
    }

    /**
     * Waits for the early catch-up, then catches up again with what was written since (cheap when
     * nothing was). A failure of the early one is left to this second one, which reports it as a
     * catch-up before readiness always did.
     */
    @Override
    public void run(ApplicationArguments args) {
        try {
            early.join();
        } catch (CompletionException | CancellationException e) {
            log.debug("the early catch-up of the search index failed: {}", e.toString());
        }
        sync.catchUp();
    }

    /**
     * The scheduled read of the log. A database or index that fails is logged once when it starts
     * failing and once when it works again, not with a stack trace every second; the position does
     * not move past what was not applied, so the next tick that works catches up.
     */
    @Scheduled(fixedDelayString = "#{@'" + HuiwenProperties.BEAN + "'.search().syncInterval().toMillis()}", initialDelay = 0)
    void tick() {
        try {
            sync.drain();
            if (failing) {
                failing = false;
                log.warn("search index in step with the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("indexing changed articles failed, trying again every tick: {}", e.toString());
            }
        }
    }

    /** Every few minutes, by one node at a time: deletes the changes every live reader has read. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void prune() {
        try {
            if (leases.hold(PRUNE_JOB, Duration.ofMinutes(10))) {
                int n = changes.prune(retention);
                if (n > 0) {
                    log.debug("pruned {} changes every reader has read", n);
                }
            }
        } catch (RuntimeException e) {
            log.warn("pruning the change log failed, trying again in 5 minutes: {}", e.toString());
        }
    }
}

package io.huiwen.collect;

import io.huiwen.article.HostSlots;
import io.huiwen.article.JobLeases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the turns of hosts not fetched from for a day, so {@code host_slot} holds the hosts in
 * use (every image host the proxy ever fetched from would otherwise stay). A write to the shared
 * database: one node at a time does it, under a job lease; a forgotten host simply has no
 * earlier turn to wait for.
 */
@Component
class HostSlotPruning {

    private static final Logger log = LoggerFactory.getLogger(HostSlotPruning.class);
    static final String JOB = "host-slot-prune";
    static final Duration IDLE = Duration.ofDays(1);

    private final HostSlots slots;
    private final JobLeases leases;

    HostSlotPruning(HostSlots slots, JobLeases leases) {
        this.slots = slots;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void prune() {
        try {
            if (leases.hold(JOB, Duration.ofHours(2))) {
                int pruned = slots.pruneIdle(IDLE);
                if (pruned > 0) {
                    log.info("forgot the turns of {} hosts idle for {}", pruned, IDLE);
                }
            }
        } catch (RuntimeException e) {
            log.warn("pruning idle hosts' turns failed; trying again in an hour", e);
        }
    }
}

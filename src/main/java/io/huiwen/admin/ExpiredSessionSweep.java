package io.huiwen.admin;

import io.huiwen.article.JobLeases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired editors' sessions from the shared database, on one node at a time: every node
 * would otherwise run the same DELETE each minute (Spring Session's own cleanup is switched off,
 * {@code spring.session.jdbc.cleanup-cron: "-"}). The lease outlasts two sweeps, so when its
 * holder dies another node sweeps within a few minutes; an expired session is refused on reading
 * anyway, the sweep only keeps the table small.
 */
@Component
class ExpiredSessionSweep {

    private static final Logger log = LoggerFactory.getLogger(ExpiredSessionSweep.class);
    static final String JOB = "admin-session-sweep";
    static final Duration LEASE = Duration.ofMinutes(3);

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;
    private final JobLeases leases;

    ExpiredSessionSweep(ObjectProvider<JdbcIndexedSessionRepository> sessions, JobLeases leases) {
        this.sessions = sessions;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void sweep() {
        JdbcIndexedSessionRepository repository = sessions.getIfAvailable();
        if (repository == null) {
            return; // not serving the admin (a command): no sessions to sweep
        }
        try {
            if (leases.hold(JOB, LEASE)) {
                repository.cleanUpExpiredSessions();
            }
        } catch (RuntimeException e) {
            log.warn("sweeping expired admin sessions failed; trying again in a minute", e);
        }
    }
}

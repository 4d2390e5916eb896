package io.huiwen.account;

import io.huiwen.article.JobLeases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets failed-login counts nobody added to for a day, hourly, on one node at a time (a job lease). */
@Component
class OldLoginFailures {

    private static final Logger log = LoggerFactory.getLogger(OldLoginFailures.class);
    static final String JOB = "login-attempt-sweep";

    private final LoginThrottle throttle;
    private final JobLeases leases;

    OldLoginFailures(LoginThrottle throttle, JobLeases leases) {
        this.throttle = throttle;
        this.leases = leases;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    void sweep() {
        try {
            if (leases.hold(JOB, Duration.ofMinutes(90))) {
                throttle.forgetOldFailures();
            }
        } catch (RuntimeException e) {
            log.warn("forgetting old failed logins failed; trying again in an hour: {}", e.toString());
        }
    }
}

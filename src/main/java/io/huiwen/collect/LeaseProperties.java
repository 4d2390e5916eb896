package io.huiwen.collect;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a node's lease on a source lasts ({@code huiwen.collect.lease.*}), defaults in one place.
 * A poll renews its lease every {@code heartbeat}, so however long it runs it keeps the source; a
 * node that dies stops renewing, and its leases run out within {@code duration}.
 *
 * @param duration  how long a lease lasts from its last renewal
 * @param heartbeat how often the leases of running polls are renewed; well under {@code duration}
 */
@ConfigurationProperties("huiwen.collect.lease")
public record LeaseProperties(
        @DefaultValue("60s") Duration duration,
        @DefaultValue("20s") Duration heartbeat) {

    public LeaseProperties {
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("huiwen.collect.lease.heartbeat (" + heartbeat
                    + ") must be positive and shorter than huiwen.collect.lease.duration (" + duration + ")");
        }
    }
}

package io.huiwen.search;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The portal's last step before it is ready: the index catches up with what the database holds
 * (the demo articles are loaded by an earlier runner). Spring Boot declares readiness only after
 * every runner has finished, so the first reader finds search and 相关阅读 complete.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class IndexCatchUp implements ApplicationRunner {

    private final IndexSync sync;

    IndexCatchUp(IndexSync sync) {
        this.sync = sync;
    }

    @Override
    public void run(ApplicationArguments args) {
        sync.catchUp();
    }
}

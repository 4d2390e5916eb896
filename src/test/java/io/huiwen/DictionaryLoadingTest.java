package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/** Which HanLP dictionaries load when: search's beside the start, enrichment's once the portal is ready. */
class DictionaryLoadingTest {

    private final List<String> started = new ArrayList<>();

    private final Runnable search = () -> started.add("search");
    private final Runnable all = () -> started.add("all");
    private final DictionaryLoading loading = new DictionaryLoading(Runnable::run, search, all);

    @Test
    void aPortalLoadsSearchDictionariesWhileStartingAndTheRestOnlyOnceReady() {
        SpringApplication portal = application(WebApplicationType.SERVLET);

        loading.onApplicationEvent(environmentPrepared(portal));
        assertThat(started).containsExactly("search");

        loading.onApplicationEvent(new ApplicationStartedEvent(portal, new String[0], mock(ConfigurableApplicationContext.class), null));
        assertThat(started).containsExactly("search");

        loading.onApplicationEvent(new ApplicationReadyEvent(portal, new String[0], mock(ConfigurableApplicationContext.class), null));
        assertThat(started).containsExactly("search", "all");
    }

    @Test
    void aCommandLoadsNoneUpFront() {
        SpringApplication command = application(WebApplicationType.NONE);

        loading.onApplicationEvent(environmentPrepared(command));
        loading.onApplicationEvent(new ApplicationReadyEvent(command, new String[0], mock(ConfigurableApplicationContext.class), null));

        assertThat(started).isEmpty();
    }

    private static SpringApplication application(WebApplicationType type) {
        SpringApplication application = new SpringApplication(HuiwenApplication.class);
        application.setWebApplicationType(type);
        return application;
    }

    private static ApplicationEnvironmentPreparedEvent environmentPrepared(SpringApplication application) {
        return new ApplicationEnvironmentPreparedEvent(mock(ConfigurableBootstrapContext.class), application, new String[0],
                new StandardEnvironment());
    }
}

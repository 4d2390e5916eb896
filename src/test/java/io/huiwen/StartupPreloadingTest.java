package io.huiwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.StandardEnvironment;

class StartupPreloadingTest {

    private final List<Runnable> started = new ArrayList<>();
    private final StartupPreloading preloading = new StartupPreloading(started::add);

    @Test
    void aPortalPreloadsBesideItsStartACommandDoesNot() {
        preloading.onApplicationEvent(environmentPrepared(WebApplicationType.NONE));
        assertThat(started).isEmpty();

        preloading.onApplicationEvent(environmentPrepared(WebApplicationType.SERVLET));
        assertThat(started).hasSize(1);
        assertThatCode(() -> started.get(0).run()).doesNotThrowAnyException();
    }

    private static ApplicationEnvironmentPreparedEvent environmentPrepared(WebApplicationType type) {
        SpringApplication application = new SpringApplication(HuiwenApplication.class);
        application.setWebApplicationType(type);
        return new ApplicationEnvironmentPreparedEvent(mock(ConfigurableBootstrapContext.class), application, new String[0],
                new StandardEnvironment());
    }
}

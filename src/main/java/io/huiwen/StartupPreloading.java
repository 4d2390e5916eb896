package io.huiwen;

import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.support.SQLErrorCodesFactory;

/**
 * Work the main thread of a portal's start would otherwise do in line, each once per JVM and
 * needing nothing from the application: done on a thread of its own from the first moment of the
 * start (as Spring Boot's own background pre-initialiser does for its libraries), so the main
 * thread finds it done. Flyway's configuration, whose plugins' settings are copied through Jackson,
 * and the SQL error codes of Spring's JDBC (read from an XML file; Spring Session's repository asks
 * for them when it is made). Commands start without it. Registered in
 * {@code META-INF/spring.factories}.
 */
public class StartupPreloading implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private final Consumer<Runnable> background;

    public StartupPreloading() {
        this(work -> {
            Thread thread = new Thread(work, "startup-preload");
            thread.setDaemon(true);
            thread.start();
        });
    }

    StartupPreloading(Consumer<Runnable> background) {
        this.background = background;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.SERVLET) {
            background.accept(StartupPreloading::preload);
        }
    }

    static void preload() {
        try {
            Flyway.configure(StartupPreloading.class.getClassLoader()).load();
            SQLErrorCodesFactory.getInstance();
        } catch (RuntimeException | LinkageError e) {
            // only a head start: the main thread does it again and reports what fails
        }
    }
}

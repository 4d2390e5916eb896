package io.huiwen.cli;

import io.huiwen.HuiwenApplication;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ResourceUtils;

/**
 * Whether the portal starts from the bean definitions the build made ahead of time (Spring AOT:
 * {@code process-aot} writes {@code HuiwenApplication__ApplicationContextInitializer} and the code
 * that registers every bean) instead of parsing the configuration classes and evaluating the
 * auto-configurations' conditions at every start, which was a third of a cold start's main thread.
 *
 * <p>The build evaluated those conditions with the jar's own settings, so their outcome is fixed in
 * the generated code. Huiwen's own choices (search backend, demo articles, collecting) are read when
 * their beans are made, never by conditions, and so hold either way. Spring's and the actuator's
 * conditions read {@code spring.*} and {@code management.*} settings ({@code management.server.port}
 * moves the actuator to a port of its own, for one), so a start where such a setting is given from
 * outside the jar — command line, environment, a configuration file — and is not one known to be read
 * only at run time starts the usual way, saying which setting made it so. So does a start from
 * compiled classes rather than the jar ({@code ./mvnw spring-boot:run}: its generated code may be
 * older than the classes) and any start where {@code spring.aot.enabled} is set, which decides.
 *
 * <p>Decided when the environment is ready, before Spring looks for the generated initializer.
 */
final class AheadOfTimeStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(AheadOfTimeStart.class);

    static final String INITIALIZER = HuiwenApplication.class.getName() + "__ApplicationContextInitializer";

    /** Settings under {@code spring.} read by the beans at run time, never by a condition. */
    static final List<String> READ_AT_RUN_TIME = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password", "spring.datasource.driver-class-name", "spring.datasource.hikari.",
            "spring.config.", "spring.profiles.", "spring.application.name", "spring.output.", "spring.main.banner-mode",
            "spring.main.log-startup-info", "spring.aot.");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (SpringProperties.getProperty(AotDetector.AOT_ENABLED) != null || Boolean.getBoolean("spring.aot.processing")) {
            return; // -Dspring.aot.enabled=true|false or a spring.properties file (the operator's choice), or the build making them
        }
        ClassLoader loader = event.getSpringApplication().getClassLoader();
        String against = reasonAgainst(event.getEnvironment(), loader);
        if (against == null) {
            SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
        } else if (ClassUtils.isPresent(INITIALIZER, loader)) {
            log.info("starting without the build's ahead-of-time bean definitions: {}", against);
        }
    }

    /** Null when the build's bean definitions fit this start, else why not, in a few words. */
    static String reasonAgainst(ConfigurableEnvironment env, ClassLoader loader) {
        if (!ClassUtils.isPresent(INITIALIZER, loader)) {
            return "the build made none";
        }
        if (!fromJar(HuiwenApplication.class)) {
            return "running from compiled classes, not the jar";
        }
        return settingFixedByBuild(env);
    }

    /** The first {@code spring.*} or {@code management.*} setting given from outside the jar that a condition may read, said with its source. */
    static String settingFixedByBuild(ConfigurableEnvironment env) {
        for (PropertySource<?> source : env.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || jarsOwn(source)) {
                continue;
            }
            boolean environment = source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            for (String name : names.getPropertyNames()) {
                String setting = environment ? name.toLowerCase(Locale.ROOT).replace('_', '.') : name;
                if (fixedByBuild(setting)) {
                    return name + " is set (" + source.getName() + ")";
                }
            }
        }
        return null;
    }

    /** A {@code spring.*} or {@code management.*} setting that a condition may read. */
    static boolean fixedByBuild(String setting) {
        if (setting.startsWith("management.")) {
            return true;
        }
        // an environment variable's name gives dots where the setting has dashes (SPRING_DATASOURCE_DRIVER_CLASS_NAME)
        String dotted = setting.replace('-', '.');
        return setting.startsWith("spring.") && READ_AT_RUN_TIME.stream().noneMatch(read -> dotted.startsWith(read.replace('-', '.')));
    }

    /** The jar's own application.yml (which the build read too), Spring's defaults and derived sources. */
    private static boolean jarsOwn(PropertySource<?> source) {
        String name = source.getName();
        return name.contains("class path resource [application.yml]") || name.contains("class path resource [application.properties]")
                || name.equals("defaultProperties")
                || name.equals("configurationProperties") || name.equals("applicationInfo") || name.equals("random");
    }

    static boolean fromJar(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return location != null && (ResourceUtils.isJarURL(location) || location.getPath().endsWith(".jar"));
    }
}

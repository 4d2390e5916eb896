package io.huiwen;

import io.huiwen.cli.Launcher;
import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Huiwen: one jar that serves the portal or runs a command (see {@link Launcher}). */
@SpringBootApplication
@EnableConfigurationProperties(HuiwenProperties.class)
@EnableScheduling
public class HuiwenApplication {

    public static void main(String[] args) {
        int status = Launcher.run(args, System.out, System.err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /** Here, beside the clock, so that every slice of the application (web tests too) has it. */
    @Bean
    SiteUrl siteUrl(HuiwenProperties properties, org.springframework.core.env.Environment environment) {
        return new SiteUrl(properties, environment);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

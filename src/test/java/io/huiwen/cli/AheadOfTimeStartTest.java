package io.huiwen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Which settings keep a start on the build's bean definitions (the jar itself: {@code PortalJarIT}). */
class AheadOfTimeStartTest {

    @Test
    void settingsAConditionMayReadAreTheBuildsToFix() {
        assertThat(AheadOfTimeStart.fixedByBuild("management.server.port")).isTrue();
        assertThat(AheadOfTimeStart.fixedByBuild("management.endpoints.web.exposure.include")).isTrue();
        assertThat(AheadOfTimeStart.fixedByBuild("spring.flyway.enabled")).isTrue();
        assertThat(AheadOfTimeStart.fixedByBuild("spring.main.web-application-type")).isTrue();
        assertThat(AheadOfTimeStart.fixedByBuild("spring.datasource.type")).isTrue();
    }

    @Test
    void settingsReadWhileRunningAreNot() {
        assertThat(AheadOfTimeStart.fixedByBuild("spring.datasource.url")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("spring.datasource.hikari.maximum-pool-size")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("spring.profiles.active")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("server.port")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("huiwen.search.backend")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("huiwen.demo-content")).isFalse();
        assertThat(AheadOfTimeStart.fixedByBuild("logging.level.root")).isFalse();
    }

    @Test
    void testsRunFromCompiledClassesSoTheyStartTheUsualWay() {
        StandardEnvironment env = new StandardEnvironment();
        assertThat(AheadOfTimeStart.fromJar(AheadOfTimeStart.class)).isFalse();
        assertThat(AheadOfTimeStart.reasonAgainst(env, getClass().getClassLoader())).isNotNull();
    }

    @Test
    void anEnvironmentVariableIsReadAsTheSettingItBindsTo() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("MANAGEMENT_SERVER_PORT", "9091")));
        env.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("server.port", "9090")));
        assertThat(AheadOfTimeStart.settingFixedByBuild(env)).isEqualTo("MANAGEMENT_SERVER_PORT is set (systemEnvironment)");

        StandardEnvironment fine = new StandardEnvironment();
        fine.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/huiwen", "SPRING_DATASOURCE_DRIVER_CLASS_NAME", "org.postgresql.Driver",
                                "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "20", "HUIWEN_SEARCH_BACKEND", "opensearch", "PATH", "/usr/bin")));
        fine.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of("huiwen.data-dir", "/srv/huiwen")));
        assertThat(AheadOfTimeStart.settingFixedByBuild(fine)).isNull();
    }
}

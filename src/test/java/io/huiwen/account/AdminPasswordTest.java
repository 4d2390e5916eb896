package io.huiwen.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiwen.HuiwenApplication;
import io.huiwen.HuiwenProperties;
import io.huiwen.TestDataDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The first admin's password kept off the command line (where {@code ps} shows it): from the
 * environment variable {@code HUIWEN_ADMIN_PASSWORD} (Spring's relaxed binding) or from the file
 * {@code huiwen.admin.password-file}; the portal started as an operator starts it, and the stored
 * hash checked against the password given.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordTest {

    /** An environment whose operating-system variables are {@code variables} (and nothing else). */
    static StandardServletEnvironment withVariables(Map<String, Object> variables) {
        StandardServletEnvironment environment = new StandardServletEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    static ConfigurableApplicationContext start(Path data, Map<String, Object> variables, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--huiwen.data-dir=" + data;
        all[2] = "--huiwen.demo-content=false";
        all[3] = "--huiwen.collect.enabled=false";
        System.arraycopy(args, 0, all, 4, args.length);
        return new SpringApplicationBuilder(HuiwenApplication.class).environment(withVariables(variables)).run(all);
    }

    static boolean adminPasswordIs(ConfigurableApplicationContext portal, String password) {
        String hash = portal.getBean(Users.class).credentials("admin").orElseThrow().passwordHash();
        return portal.getBean(PasswordEncoder.class).matches(password, hash);
    }

    @Test
    void theEnvironmentVariableBindsToTheAdminPassword() {
        var environment = withVariables(Map.of("HUIWEN_ADMIN_PASSWORD", "from-the-environment"));
        HuiwenProperties properties = new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("huiwen", HuiwenProperties.class);
        assertThat(properties.admin().password()).isEqualTo("from-the-environment");
    }

    @Test
    void aPasswordFileIsReadWithoutItsLineBreakAndTwoSourcesAreAMistake() throws Exception {
        Path file = Files.createTempFile("admin-password", ".txt");
        Files.writeString(file, "带 空格 的 密码 \n", StandardCharsets.UTF_8);
        assertThat(FirstAdmin.configuredPassword(new HuiwenProperties.Admin(null, file))).contains("带 空格 的 密码");
        assertThat(FirstAdmin.configuredPassword(new HuiwenProperties.Admin(null, null))).isEmpty();
        assertThatThrownBy(() -> FirstAdmin.configuredPassword(new HuiwenProperties.Admin("inline", file)))
                .hasMessage("set either huiwen.admin.password or huiwen.admin.password-file, not both");
        assertThatThrownBy(() -> FirstAdmin.configuredPassword(new HuiwenProperties.Admin(null, file.resolveSibling("no-such-file"))))
                .hasMessageStartingWith("cannot read huiwen.admin.password-file");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> FirstAdmin.configuredPassword(new HuiwenProperties.Admin(null, file))).hasMessageEndingWith("is empty");
    }

    @Test
    void thePortalTakesTheAdminPasswordFromTheEnvironmentThenFromAFile(CapturedOutput output) throws Exception {
        Path data = TestDataDir.create("admin-password");
        try (var portal = start(data, Map.of("HUIWEN_ADMIN_PASSWORD", "from-the-environment"))) {
            assertThat(adminPasswordIs(portal, "from-the-environment")).isTrue();
        }
        assertThat(output.getAll()).as("no second, generated account of Spring Boot's beside the newsroom's")
                .doesNotContain("generated security password");
        Path file = data.resolve("admin-password");
        Files.writeString(file, "from-a-file-0123\n");
        try (var portal = start(data, new HashMap<>(), "--huiwen.admin.password-file=" + file)) {
            assertThat(adminPasswordIs(portal, "from-a-file-0123")).as("a configured password is set again at every start").isTrue();
            assertThat(portal.getBean(Users.class).findAll()).hasSize(1);
        }
    }
}

package io.huiwen.account;

import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin, user {@code admin}, as before users existed: when the portal starts on a
 * database without users, it is made with the configured password ({@code huiwen.admin.password},
 * {@code huiwen.admin.password-file} or the environment's {@code HUIWEN_ADMIN_PASSWORD}), or with one
 * generated and printed once. Nodes starting together on one database make one admin: the first
 * insert wins and only its node prints a password. While a password is configured, every start sets
 * it on {@code admin} again (so the configuration stays the way back in); the other users live in
 * the database only.
 */
@Component
@ConditionalOnWebApplication
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String USERNAME = "admin";

    private final HuiwenProperties properties;
    private final Users users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    FirstAdmin(HuiwenProperties properties, Users users, JdbcClient jdbc, PasswordEncoder encoder) {
        this.properties = properties;
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Optional<String> configured = configuredPassword(properties.admin());
        boolean noUsers = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
        if (configured.isPresent()) {
            String password = configured.get();
            if (noUsers) {
                users.createFirstAdmin(USERNAME, encoder.encode(password));
            }
            if (!users.applyConfiguredPassword(USERNAME, password) && users.findByName(USERNAME).isEmpty()) {
                log.info("huiwen.admin.password is set but there is no user '{}' any more; it is not used", USERNAME);
            }
        } else if (noUsers) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (users.createFirstAdmin(USERNAME, encoder.encode(password))) {
                log.warn("\n\n  Huiwen admin account created: user '{}', password '{}'\n  It is shown only this once; set huiwen.admin.password-file"
                        + " (or HUIWEN_ADMIN_PASSWORD) to choose your own.\n", USERNAME, password);
            }
        }
    }

    /** The password from {@code huiwen.admin.password} or the file {@code huiwen.admin.password-file}; both set is a mistake. */
    static Optional<String> configuredPassword(HuiwenProperties.Admin admin) {
        boolean inline = admin.password() != null && !admin.password().isBlank();
        if (admin.passwordFile() == null) {
            return inline ? Optional.of(admin.password()) : Optional.empty();
        }
        if (inline) {
            throw new IllegalStateException("set either huiwen.admin.password or huiwen.admin.password-file, not both");
        }
        String password;
        try {
            password = Files.readString(admin.passwordFile(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read huiwen.admin.password-file " + admin.passwordFile() + ": " + e, e);
        }
        if (password.isEmpty()) {
            throw new IllegalStateException("huiwen.admin.password-file " + admin.passwordFile() + " is empty");
        }
        return Optional.of(password);
    }
}

package io.huiwen.admin;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first admin's password: {@code huiwen.admin.password} when set; otherwise generated on
 * the first start, printed once to the log, and only its hash kept in the database.
 */
final class AdminAccount {

    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    static final String SETTING = "admin_password_hash";

    private AdminAccount() {}

    static String passwordHash(String configured, JdbcClient jdbc, PasswordEncoder encoder) {
        if (configured != null && !configured.isBlank()) {
            return encoder.encode(configured);
        }
        var stored = jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?").param(SETTING).query(String.class).optional();
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String hash = encoder.encode(password);
        if (jdbc.sql("INSERT INTO app_setting (name, setting_value) VALUES (?, ?) ON CONFLICT DO NOTHING").params(SETTING, hash).update() == 0) {
            // another node sharing the database started at the same moment and made the account first: its password holds
            return jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?").param(SETTING).query(String.class).single();
        }
        log.warn("\n\n  Huiwen admin account created: user 'admin', password '{}'\n  It is shown only this once; set huiwen.admin.password to choose your own.\n", password);
        return hash;
    }
}

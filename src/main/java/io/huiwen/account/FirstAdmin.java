package io.huiwen.account;

import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    private final Users users;
    private final PasswordEncoder encoder;
    private final Optional<String> configured;
    /** The first admin's password and its hash being made, or null when there are users already. */
    private final String firstPassword;
    private final CompletableFuture<String> firstHash;

    FirstAdmin(HuiwenProperties properties, Users users, JdbcClient jdbc, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        this.configured = configuredPassword(properties.admin());
        boolean noUsers = jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
        this.firstPassword = noUsers ? configured.orElseGet(FirstAdmin::generated) : null;
        // BCrypt at its full cost takes a noticeable part of a cold start: hashed on a thread of its
        // own while Spring builds the rest of the portal, and waited for before the portal is ready
        this.firstHash = noUsers ? hashInBackground(firstPassword) : null;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (configured.isPresent()) {
            String password = configured.get();
            if (firstHash != null) {
                users.createFirstAdmin(USERNAME, hashed());
            }
            if (!users.applyConfiguredPassword(USERNAME, password) && users.findByName(USERNAME).isEmpty()) {
                log.info("huiwen.admin.password is set but there is no user '{}' any more; it is not used", USERNAME);
            }
        } else if (firstHash != null) {
            if (users.createFirstAdmin(USERNAME, hashed())) {
                log.warn("\n\n  Huiwen admin account created: user '{}', password '{}'\n  It is shown only this once; set huiwen.admin.password-file"
                        + " (or HUIWEN_ADMIN_PASSWORD) to choose your own.\n", USERNAME, firstPassword);
            }
        }
    }

    private static String generated() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A daemon thread: a start that fails meanwhile is not held up by it. */
    private CompletableFuture<String> hashInBackground(String password) {
        CompletableFuture<String> hash = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                hash.complete(encoder.encode(password));
            } catch (Throwable e) {
                hash.completeExceptionally(e);
            }
        }, "first-admin-hash");
        thread.setDaemon(true);
        thread.start();
        return hash;
    }

    private String hashed() {
        try {
            return firstHash.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
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

package io.huiwen.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are kept as Spring Security's delegating hashes ({@code {bcrypt}…}): the prefix names
 * the algorithm, so a stronger default later still checks the hashes kept today. BCrypt reads at
 * most 72 bytes of a password, hence {@link PasswordRules#MAX_BYTES}.
 */
@Configuration(proxyBeanMethods = false)
public class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

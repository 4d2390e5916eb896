package io.huiwen.admin;

import io.huiwen.account.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check (the login form and HTTP Basic alike) goes through the {@link LoginThrottle}:
 * a name or address that failed too often is refused until its wait has passed, without the
 * password being looked at; a wrong password counts against both; a right one clears the name's count.
 */
final class ThrottledLogins implements AuthenticationProvider {

    /** Refused because of earlier failures; {@code until} is when to try again. */
    static final class LoginRefused extends AuthenticationException {
        private final transient Instant until;

        LoginRefused(Instant until) {
            super("too many failed logins; try again after " + until);
            this.until = until;
        }

        /** Whole seconds until the next attempt may be made, rounded up (at least 1). */
        long secondsLeft(Clock clock) {
            long millis = Duration.between(clock.instant(), until).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogins(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Instant until = throttle.refusedUntil(username, address).orElse(null);
        if (until != null) {
            throw new LoginRefused(until);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

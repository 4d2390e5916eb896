package io.huiwen.admin;

import io.huiwen.account.Users;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users table as Spring Security reads it at a login. A disabled user is answered as unknown:
 * the login then checks the password against a dummy hash as for any unknown name, so neither the
 * message nor the time taken tells a disabled account from a wrong password.
 */
final class AccountDetails implements UserDetailsService {

    private final Users users;

    AccountDetails(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.credentials(username == null ? "" : username.strip())
                .filter(Users.Credentials::enabled)
                .map(c -> User.withUsername(c.username()).password(c.passwordHash()).roles(c.role().name()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no enabled user by that name"));
    }
}

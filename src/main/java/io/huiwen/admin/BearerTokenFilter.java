package io.huiwen.admin;

import io.huiwen.account.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: the request acts as the token's owner with the owner's
 * role, for this request only (nothing is kept in a session). A token that is unknown, revoked or
 * whose owner is disabled is answered 401 at once, never passed on as an anonymous request.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AuthenticationEntryPoint refuse;

    BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint refuse) {
        this.tokens = tokens;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = SecurityConfig.bearerToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var bearer = tokens.authenticate(token);
        if (bearer.isEmpty()) {
            SecurityContextHolder.clearContext();
            refuse.commence(request, response, new BadCredentialsException("unknown or revoked token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(bearer.get().username(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + bearer.get().role().name()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}

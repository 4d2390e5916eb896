package io.huiwen.admin;

import io.huiwen.account.ApiTokens;
import io.huiwen.account.LoginThrottle;
import io.huiwen.account.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, by URL (the roles of ARCHITECTURE.md's access table):
 * <ul>
 * <li>ADMIN only: users, sources, categories and the audit log in the admin and the API (category
 * reads stay public), the actuator except health;</li>
 * <li>EDITOR or ADMIN: the rest of {@code /admin} (dashboard, articles, stories, own account), own
 * API tokens, writes to articles and stories and any other API write;</li>
 * <li>everyone: the reader pages and GETs of the public API.</li>
 * </ul>
 * A browser logs in with the form and holds a session (Spring Session JDBC, shared by all nodes);
 * scripts send {@code Authorization: Bearer <token>} or HTTP Basic on each call, which never makes
 * a session. Every state-changing request a browser could send with the session cookie needs the
 * CSRF token, API included; a request authenticated by its Authorization header is exempt (a
 * browser cannot add one cross-site, and such a request ignores any session cookie it carries).
 * Password checks, form and Basic, go through the login throttle.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    /**
     * The newsroom's accounts, as Spring Security looks them up. Being a bean, it also keeps Spring
     * Boot from making its own in-memory user with a generated password (and logging that password).
     */
    @Bean
    UserDetailsService accounts(Users users) {
        return new AccountDetails(users);
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, UserDetailsService accounts, ApiTokens tokens, LoginThrottle throttle,
                                 PasswordEncoder encoder, Clock clock, Environment environment) throws Exception {
        AccessAnswers answers = new AccessAnswers(clock);
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        RequestMatcher onManagementPort = managementPort(environment);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/admin/users", "/admin/sources", "/admin/categories", "/admin/audit")).hasRole("ADMIN")
                        .requestMatchers(paths("/api/v1/users", "/api/v1/sources")).hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/categories", "/api/v1/categories/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/v1/categories", "/api/v1/categories/**").permitAll()
                        .requestMatchers(paths("/api/v1/categories")).hasRole("ADMIN")
                        .requestMatchers(paths("/admin", "/api/v1/tokens")).hasAnyRole("ADMIN", "EDITOR")
                        .requestMatchers(reviewQueue()).hasAnyRole("ADMIN", "EDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        .requestMatchers(paths("/api/v1/articles", "/api/v1/stories")).hasAnyRole("ADMIN", "EDITOR")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .requestMatchers(paths("/actuator/health")).permitAll()
                        .requestMatchers(onManagementPort).permitAll()
                        .requestMatchers(paths("/actuator")).hasRole("ADMIN")
                        .anyRequest().permitAll())
                .authenticationManager(new ProviderManager(new ThrottledLogins(passwords, throttle)))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin")
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof ThrottledLogins.LoginRefused refused
                                        ? "/login?wait=" + refused.secondsLeft(clock)
                                        : "/login?error")))
                        .permitAll())
                .httpBasic(basic -> basic.realmName("Huiwen").authenticationEntryPoint(answers))
                .addFilterBefore(new BearerTokenFilter(tokens, answers), BasicAuthenticationFilter.class)
                .securityContext(context -> context.securityContextRepository(new SelfAuthenticatingRequests()))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .requestCache(cache -> cache.requestCache(adminPagesToReturnTo()))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens()).ignoringRequestMatchers(SecurityConfig::authenticatesItself))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(afterLogout()).permitAll())
                .headers(h -> h.cacheControl(c -> c.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(readerPages()), new CacheControlHeadersWriter())));
        return http.build();
    }

    /** Every logout goes to the login page saying so (Spring's default answers 204 to a client not asking for HTML). */
    private static SimpleUrlLogoutSuccessHandler afterLogout() {
        SimpleUrlLogoutSuccessHandler handler = new SimpleUrlLogoutSuccessHandler();
        handler.setDefaultTargetUrl("/login?logout");
        return handler;
    }

    /**
     * The article list asked for by state ({@code ?status=review}): the editors' queue, not a reader's list.
     * The path is matched first, so no other request has its parameters read here; a query string that
     * cannot be read counts as asking for the queue, the stricter rule.
     */
    private static RequestMatcher reviewQueue() {
        RequestMatcher articles = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/articles");
        return request -> {
            if (!articles.matches(request)) {
                return false;
            }
            try {
                return request.getParameter("status") != null;
            } catch (RuntimeException unreadable) {
                return true;
            }
        };
    }

    /** Each path and everything under it, whatever the method. */
    private static RequestMatcher paths(String... paths) {
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String path : paths) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(path));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(path + "/**"));
        }
        return new OrRequestMatcher(matchers);
    }

    /**
     * A request carrying {@code Authorization: Basic} or {@code Bearer}: authenticated by that header
     * alone (or refused), never by a session cookie it may also carry.
     */
    static boolean authenticatesItself(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return false;
        }
        String scheme = authorization.strip().toLowerCase(Locale.ROOT);
        return scheme.startsWith("basic ") || scheme.startsWith("bearer ");
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.strip().toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return null;
        }
        return authorization.strip().substring("bearer ".length()).strip();
    }

    /**
     * Requests that reached the management port ({@code management.server.port}, when it is set
     * apart from the site's port): that port is reachable only inside the deployment (see
     * deploy/k8s), so metrics are scraped there without an account.
     */
    private static RequestMatcher managementPort(Environment environment) {
        Integer management = environment.getProperty("management.server.port", Integer.class);
        Integer server = environment.getProperty("server.port", Integer.class, 8080);
        if (management == null || management <= 0 || management.equals(server)) {
            return request -> false;
        }
        return request -> request.getLocalPort() == management;
    }

    /**
     * Reads of the reader pages, feeds, search and static files: the portal's page cache filter
     * (web.CachePolicy) says how long each may be kept, so Spring Security's "no-cache, no-store"
     * is written on everything else only: admin, login, the API, actuator, errors.
     */
    private static RequestMatcher readerPages() {
        List<RequestMatcher> reads = new ArrayList<>();
        for (String path : List.of("/", "/c/**", "/a/**", "/t/**", "/feed.xml", "/atom.xml", "/sitemap.xml", "/search", "/css/**", "/js/**")) {
            reads.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path));
            reads.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, path));
        }
        return new OrRequestMatcher(reads);
    }

    /**
     * After the login, the editor returns to the admin page asked for; nothing else is remembered
     * (in a session), and nothing for a request that authenticates itself.
     */
    private static HttpSessionRequestCache adminPagesToReturnTo() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"),
                new NegatedRequestMatcher(SecurityConfig::authenticatesItself)));
        return cache;
    }
}

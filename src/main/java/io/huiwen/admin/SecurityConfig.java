package io.huiwen.admin;

import io.huiwen.HuiwenProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Readers need no account: every portal page, feed and GET of the API is public. The admin
 * pages need a login; API writes accept HTTP Basic or an admin session. Sessions live in the
 * database all nodes share (Spring Session JDBC), so only a login, or an admin page to return to
 * after it, starts one: a refused API call or a Basic one writes no session row.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // the dashboard and the content pages are also the EDITOR's (the access rules replace this whole block)
                        .requestMatchers("/admin", "/admin/articles/**", "/admin/stories/**", "/admin/account/**").hasAnyRole("ADMIN", "EDITOR")
                        .requestMatchers("/admin/**", "/api/v1/sources/**", "/api/v1/sources").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers("/api/v1/articles/**", "/api/v1/stories/**").hasAnyRole("EDITOR", "ADMIN")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin").permitAll())
                .requestCache(cache -> cache.requestCache(adminPagesToReturnTo()))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(h -> h.cacheControl(c -> c.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(readerPages()), new CacheControlHeadersWriter())));
        return http.build();
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

    /** After the login, the editor returns to the admin page asked for; nothing else is remembered (in a session). */
    private static HttpSessionRequestCache adminPagesToReturnTo() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
        return cache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService admins(HuiwenProperties properties, JdbcClient jdbc, PasswordEncoder encoder) {
        String password = properties.admin().password();
        return new InMemoryUserDetailsManager(User.withUsername("admin")
                .password(AdminAccount.passwordHash(password, jdbc, encoder)).roles("ADMIN").build());
    }
}

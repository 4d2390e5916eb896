package io.huiwen.admin;

import io.huiwen.account.ApiTokens;
import io.huiwen.account.LoginThrottle;
import io.huiwen.account.PasswordHashing;
import io.huiwen.account.Users;
import io.huiwen.article.AuditLog;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Lets {@code @WebMvcTest} slices load the project's (package-private) {@link SecurityConfig} with
 * the account services it reads (over the slice's mocked {@code JdbcClient}: tests log in with
 * {@code @WithMockUser}, so no user is looked up). The slice also needs Boot's security
 * auto-configuration, as in {@code AdminPagesTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfig.class, Users.class, ApiTokens.class, LoginThrottle.class, PasswordHashing.class, AuditLog.class})
public class AdminSecurity {}

package io.huiwen.admin;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Lets {@code @WebMvcTest} slices outside this package load the project's (package-private)
 * {@link SecurityConfig}. The slice also needs Boot's security auto-configuration, a mocked
 * {@code JdbcClient} and {@code huiwen.admin.password}, as in {@code AdminPagesTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class AdminSecurity {}

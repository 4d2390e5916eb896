package io.huiwen.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a refused request gets. Under {@code /api/}: JSON, {@code 401 {"error"}} with a
 * {@code WWW-Authenticate: Bearer} challenge (not Basic, which would make a browser ask for a
 * password and then send it cross-site by itself) or {@code 403 {"error"}}; never a page or a
 * redirect. Elsewhere a browser asking for a page is sent to {@code /login} (a relative URL, never
 * built from the Host header); other clients, and any request that brought its own Authorization
 * header, get a Basic challenge. A request refused for its
 * CSRF token before anyone logged in is answered as not logged in.
 */
final class AccessAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();
    private final Clock clock;

    AccessAnswers(Clock clock) {
        this.clock = clock;
        login.setFavorRelativeUris(true);
        basic.setRealmName("Huiwen");
        basic.afterPropertiesSet();
    }

    static boolean api(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException, ServletException {
        if (e instanceof ThrottledLogins.LoginRefused refused) {
            long seconds = refused.secondsLeft(clock);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            if (api(request)) {
                json(response, HttpServletResponse.SC_UNAUTHORIZED, "登录失败次数过多，请在 " + LoginController.waitText(seconds) + "后再试");
                return;
            }
        }
        if (api(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Huiwen\"");
            json(response, HttpServletResponse.SC_UNAUTHORIZED, request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    ? "需要登录：请用 API 令牌（Authorization: Bearer …）、HTTP Basic 或已登录的会话"
                    : "身份验证失败：令牌无效或已吊销，或用户名、密码不对");
        } else if (!SecurityConfig.authenticatesItself(request)
                && MediaType.parseMediaTypes(accept(request)).stream().anyMatch(t -> t.isCompatibleWith(MediaType.TEXT_HTML) && !t.isWildcardType())) {
            login.commence(request, response, e);
        } else {
            basic.commence(request, response, e);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException, ServletException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || trust.isAnonymous(authentication)) {
            commence(request, response, new InsufficientAuthenticationException("not logged in", e));
        } else if (api(request)) {
            json(response, HttpServletResponse.SC_FORBIDDEN, e instanceof CsrfException
                    ? "缺少或无效的 CSRF 令牌：用会话调用 API 的写操作须带 X-CSRF-TOKEN 请求头（或改用 API 令牌）"
                    : "没有权限：你的角色不能进行此操作");
        } else {
            page.handle(request, response, e);
        }
    }

    private static String accept(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        try {
            return accept == null || accept.isBlank() ? "*/*" : (MediaType.parseMediaTypes(accept).isEmpty() ? "*/*" : accept);
        } catch (RuntimeException e) {
            return "*/*";
        }
    }

    private static void json(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(Map.of("error", message)));
    }
}

package io.huiwen.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a login is kept: in the session for a browser; for the request only when the request
 * authenticates itself ({@code Authorization: Basic} or {@code Bearer}), which therefore neither
 * reads nor writes a session. So a wrong Basic password sent beside a valid session cookie is
 * refused rather than answered from the session, and scripts never leave session rows behind.
 */
final class SelfAuthenticatingRequests implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository browser = new DelegatingSecurityContextRepository(requestOnly,
            new HttpSessionSecurityContextRepository());

    private SecurityContextRepository of(HttpServletRequest request) {
        return SecurityConfig.authenticatesItself(request) ? requestOnly : browser;
    }

    @Override
    @Deprecated
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return of(holder.getRequest()).loadContext(holder);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return of(request).loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        of(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return of(request).containsContext(request);
    }
}

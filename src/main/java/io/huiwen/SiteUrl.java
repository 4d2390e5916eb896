package io.huiwen;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The portal's absolute address, without a trailing slash, for feeds, the sitemaps, robots.txt,
 * canonical links and the API's {@code url} fields. {@code huiwen.site-url}, when set, wins.
 * Unset, it is the address the current request came to: its scheme, host and port, as Tomcat's
 * RemoteIpValve resolved them (so {@code X-Forwarded-Proto/-Host/-Port} count only from
 * {@code huiwen.trusted-proxies}); with no request (a command, a background job) it is
 * {@code http://localhost:<server.port>}. A bean of {@link HuiwenApplication}.
 */
public class SiteUrl {

    private final String configured;
    private final Environment environment;

    public SiteUrl(HuiwenProperties properties, Environment environment) {
        this.configured = properties.baseUrl();
        this.environment = environment;
    }

    /** The base address for whatever is being answered now. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            return of(current.getRequest());
        }
        return local(environment);
    }

    /** Unset {@code huiwen.site-url}: what a page says of its own address depends on the request, so kept pages are kept by it too. */
    public boolean followsRequests() {
        return configured == null;
    }

    /** {@code scheme://host[:port]}, the port left out when it is the scheme's own. */
    public static String of(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // an IPv6 literal
        }
        int port = request.getServerPort();
        boolean usual = port <= 0 || "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (usual ? "" : ":" + port);
    }

    /** Where nobody asked: this machine, on the port the server listens on (the one it got, for port 0). */
    static String local(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}

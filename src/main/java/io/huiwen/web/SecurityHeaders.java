package io.huiwen.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Response;

/**
 * The security headers of every response, written in one place: {@link FrontDoor} puts them on
 * each request before anything else answers it (page cache, start-up gate, Spring Security, the
 * application, error pages), and {@link PlainErrorReport} on the few answers Tomcat gives itself.
 * No inline script or style anywhere (the templates have no {@code style=} attribute), so the
 * policy allows neither; article images come through the portal's image proxy.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** No framing at all (no page of the portal is meant to be framed), as {@code frame-ancestors 'none'} says to browsers that read the policy; Spring Security writes the same. */
    static final String FRAME_OPTIONS = "DENY";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), bluetooth=(), browsing-topics=(), camera=(), "
            + "display-capture=(), geolocation=(), gyroscope=(), hid=(), interest-cohort=(), magnetometer=(), microphone=(), "
            + "midi=(), payment=(), serial=(), usb=()";
    /** The language of every page the portal writes. */
    static final String CONTENT_LANGUAGE = "zh-CN";

    private SecurityHeaders() {}

    private static final List<Map.Entry<String, String>> LINES = List.of(
            Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", FRAME_OPTIONS),
            Map.entry("Referrer-Policy", REFERRER_POLICY),
            Map.entry("Permissions-Policy", PERMISSIONS_POLICY));
    private static final RawHeaders RAW = RawHeaders.of(LINES);

    static void writeTo(HttpServletResponse response) {
        for (var line : LINES) {
            response.setHeader(line.getKey(), line.getValue());
        }
    }

    /** On a response nothing has written to yet (the {@link FrontDoor}'s): added already encoded, unsearched. */
    static void addToFresh(Response response) {
        RAW.addTo(response.getCoyoteResponse());
    }

    /** Header names a kept page must not carry a copy of: they are written afresh on every answer. */
    static final java.util.Set<String> NAMES = java.util.Set.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy", "permissions-policy");
}

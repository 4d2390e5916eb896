package io.huiwen.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.util.NetMask;

/**
 * The peers whose {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are
 * believed ({@code huiwen.trusted-proxies}): addresses or CIDR blocks, IPv4 or IPv6. Empty, the
 * default, believes nobody: the reader's address is the peer's, whatever headers it sends.
 * Host names are refused: looked up once at start, they would go stale when a proxy moves.
 */
record TrustedProxies(List<String> blocks) {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    static TrustedProxies of(List<String> configured) {
        List<String> blocks = new ArrayList<>();
        for (String entry : configured == null ? List.<String>of() : configured) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            if (!LITERAL.matcher(e).matches()) {
                throw new IllegalArgumentException("huiwen.trusted-proxies: '" + e + "' is not an IP address or CIDR block");
            }
            String block = e.contains("/") ? e : e + (e.contains(":") ? "/128" : "/32");
            try {
                new NetMask(block);
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("huiwen.trusted-proxies: '" + e + "' is not an IP address or CIDR block", bad);
            }
            blocks.add(block);
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    /** For Tomcat's {@code RemoteIpValve.setInternalProxies}: comma-separated blocks, or null to believe nobody. */
    String internalProxies() {
        return blocks.isEmpty() ? null : String.join(",", blocks);
    }
}

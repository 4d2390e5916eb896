package io.huiwen.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * One spelling per page, so the same article reached through a feed, a share button or a
 * campaign link is stored once: lower-case scheme and host, no default port, no fragment, "/"
 * for an empty path, and no tracking parameters; other parameters keep their order.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING = Set.of("spm", "fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "_ga",
            "wt.mc_id", "share_source");
    /** WeChat adds {@code from=} to shared links; other uses of "from" may matter to the site. */
    private static final Set<String> WECHAT_FROM = Set.of("timeline", "singlemessage", "groupmessage");

    private UrlCanonicalizer() {
    }

    /** The canonical form of an absolute http(s) URL; other URIs come back without their fragment only. */
    public static URI canonical(URI url) {
        String scheme = url.getScheme() == null ? null : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.isOpaque() || url.getRawAuthority() == null || url.getHost() == null
                || !("http".equals(scheme) || "https".equals(scheme))) {
            return withoutFragment(url);
        }
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            out.append(url.getRawUserInfo()).append('@');
        }
        out.append(url.getHost().toLowerCase(Locale.ROOT));
        int port = url.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = url.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = keptQuery(url.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return URI.create(out.toString()).normalize();
    }

    /** {@link #canonical(URI)} for text; throws IllegalArgumentException if it is not a URI. */
    public static String canonical(String url) {
        try {
            return canonical(new URI(url.trim())).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    static boolean isTracking(String rawName, String rawValue) {
        String name = rawName.toLowerCase(Locale.ROOT);
        if (name.startsWith("utm_") || TRACKING.contains(name)) {
            return true;
        }
        return name.equals("from") && WECHAT_FROM.contains(rawValue.toLowerCase(Locale.ROOT));
    }

    private static String keptQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!isTracking(name, value)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }

    private static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String text = url.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }
}

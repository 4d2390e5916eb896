package io.huiwen.collect;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns an href as publishers write it (relative, with spaces or raw Chinese characters) into an
 * absolute http(s) URI, or null when it cannot point at a web page.
 */
final class Hrefs {

    private Hrefs() {}

    /** The absolute http(s) URI for {@code href} on a page at {@code base}, or null. */
    static URI resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI relative = new URI(escape(href.strip()));
            URI absolute;
            if (relative.isAbsolute()) {
                absolute = relative;
            } else if (base == null) {
                return null;
            } else if (relative.toString().startsWith("?")) {
                // java.net.URI follows RFC 2396 here and would drop the last path segment
                absolute = URI.create(stripQuery(base) + relative);
            } else {
                absolute = rooted(base).resolve(relative);
            }
            return webPage(absolute.normalize());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The same URI without its #fragment. */
    static URI withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : URI.create(s.substring(0, hash));
    }

    private static URI webPage(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        if (!authority.contains("@")) {
            authority = authority.toLowerCase(Locale.ROOT); // one spelling per host, so duplicates are found
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // more ".." than there are directories: browsers stay at the root
        path = path.replaceFirst("^(/\\.\\.)+(?=/)", "");
        return URI.create(scheme + "://" + authority + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
    }

    /** java.net.URI resolves "a.html" against "http://host" (empty path) to "http://hosta.html". */
    private static URI rooted(URI base) {
        String path = base.getRawPath();
        return path == null || path.isEmpty() ? base.resolve("/") : base;
    }

    private static String stripQuery(URI base) {
        String s = withoutFragment(base).toString();
        int q = s.indexOf('?');
        String noQuery = q < 0 ? s : s.substring(0, q);
        return rooted(URI.create(noQuery)).toString();
    }

    /** Percent-encodes what browsers tolerate in hrefs but java.net.URI refuses. */
    private static String escape(String href) {
        StringBuilder out = new StringBuilder(href.length() + 16);
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == '%' && !(i + 2 < href.length() && isHex(href.charAt(i + 1)) && isHex(href.charAt(i + 2)))) {
                out.append("%25");
            } else if (c > 0x7e || c <= 0x20 || "\"<>\\^`{|}".indexOf(c) >= 0) {
                if (Character.isHighSurrogate(c) && i + 1 < href.length()) {
                    appendEncoded(out, href.substring(i, i + 2));
                    i++;
                } else {
                    appendEncoded(out, String.valueOf(c));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void appendEncoded(StringBuilder out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

package io.huiwen.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A redirect to the portal itself is sent as a path, never as an absolute address built from the
 * request's {@code Host} (or a forwarded host): Spring Security's login redirect and saved
 * requests build {@code http://<Host>/login}, so a forged {@code Host: evil.example} would send the
 * reader there, and a cache in front could keep that answer for others.
 */
final class RelativeRedirects {

    private RelativeRedirects() {}

    /** The path (with query) of an absolute location on the given host; null when it is relative already or elsewhere. */
    static String relative(String location, String host) {
        if (location == null || host == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return null;
        }
        try {
            URI uri = new URI(location);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(host)) {
                return null;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

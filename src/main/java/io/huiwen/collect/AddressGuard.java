package io.huiwen.collect;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses URLs Huiwen must not fetch: other schemes, credentials in the URL, and hosts that
 * resolve to any loopback, private, link-local, CGNAT, multicast or cloud-metadata address
 * (server-side request forgery). Every address a name resolves to is checked, so a name that
 * also points inward is refused. Checked again on every redirect hop.
 */
final class AddressGuard {

    /** Name resolution, replaceable so tests can make a name resolve to chosen addresses. */
    @FunctionalInterface
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        HostResolver SYSTEM = InetAddress::getAllByName;
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final boolean allowPrivateHosts;
    private final HostResolver resolver;

    AddressGuard(boolean allowPrivateHosts, HostResolver resolver) {
        this.allowPrivateHosts = allowPrivateHosts;
        this.resolver = resolver;
    }

    /** Passes quietly if {@code url} may be fetched, else says why. */
    void check(URI url) throws FetchFailure {
        String host = hostOf(url);
        if (allowPrivateHosts) {
            return;
        }
        if (METADATA_NAMES.contains(host) || host.endsWith(".internal") || host.equals("localhost")
                || host.endsWith(".localhost")) {
            throw new FetchFailure(FetchFailureReason.BLOCKED_ADDRESS, "internal host name refused: " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchFailure(FetchFailureReason.DNS_FAILED, "cannot resolve " + host);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new FetchFailure(FetchFailureReason.BLOCKED_ADDRESS,
                        host + " resolves to a non-public address " + address.getHostAddress());
            }
        }
    }

    /** The URL's host, lower case, without IPv6 brackets, after checking scheme and userinfo. */
    static String hostOf(URI url) throws FetchFailure {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "only http and https can be fetched: " + url);
        }
        if (url.getRawUserInfo() != null) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "credentials in URLs are refused");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "no host in " + url);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** True for every address that is not plainly on the public internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(b);
        }
        if (address instanceof Inet6Address) {
            return isInternalV6(b);
        }
        return true;
    }

    private static boolean isInternalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        return a0 == 0                                    // 0.0.0.0/8 "this network"
                || a0 == 10 || a0 == 127
                || (a0 == 100 && (a1 & 0xc0) == 64)       // 100.64.0.0/10 carrier-grade NAT
                || (a0 == 169 && a1 == 254)               // link-local, cloud metadata 169.254.169.254
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                || (a0 == 198 && (a1 & 0xfe) == 18)       // 198.18.0.0/15 benchmarking
                || a0 >= 224;                             // multicast, reserved 240/4, broadcast
    }

    private static boolean isInternalV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {                     // fc00::/7 unique local, incl. fd00:ec2::254
            return true;
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {     // 2002::/16 6to4 wraps an IPv4 address
            return isInternalV4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isInternalV4(new byte[] {b[12], b[13], b[14], b[15]}); // 64:ff9b::/96 NAT64
        }
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix &= b[i] == 0;
        }
        // ::/80 prefix: IPv4-compatible or IPv4-mapped forms that slipped past normalisation.
        return zeroPrefix;
    }
}

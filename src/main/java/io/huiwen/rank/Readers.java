package io.huiwen.rank;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Who a reader is, for counting views: the address the request came from, an IPv6 address cut to
 * its /64 (one subscriber holds a whole /64 and could otherwise count as 2^64 readers), an
 * IPv4-mapped IPv6 address as the IPv4 one.
 */
final class Readers {

    /** Only a literal is parsed: anything else given to InetAddress would be looked up in the DNS. */
    private static final java.util.regex.Pattern IPV6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private Readers() {}

    static String of(String address) {
        if (address == null) {
            return "-";
        }
        if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
            return address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal with ':' is never looked up
            if (parsed instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}

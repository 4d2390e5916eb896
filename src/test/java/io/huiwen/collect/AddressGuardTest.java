package io.huiwen.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard(false, AddressGuardTest::resolve);

    /** news.test is public; split.test answers with a public and a private address (DNS rebinding style). */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "news.test" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "split.test" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")};
            case "v6.test" -> new InetAddress[] {InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")};
            default -> InetAddress.getAllByName(host);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "224.0.0.1",
            "255.255.255.255", "240.0.0.1", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254",
            "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2002:7f00:1::1", "64:ff9b::a9fe:a9fe"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:4700::1111",
            "2002:5db8:d822::1"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
            "http://[fd00:ec2::254]/", "http://metadata.google.internal/computeMetadata/v1/", "http://localhost:9200/",
            "http://split.test/", "http://2130706433/", "https://10.0.0.8/admin"})
    void redirectTargetsInsideTheNetworkAreBlocked(String target) {
        assertThatThrownBy(() -> guard.check(URI.create(target)))
                .isInstanceOf(FetchFailure.class)
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BLOCKED_ADDRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://news.test/a", "file:///etc/passwd", "http://user:pw@news.test/", "gopher://news.test/",
            "http:///nohost"})
    void otherSchemesCredentialsAndHostlessUrlsAreBadUrls(String target) {
        assertThatThrownBy(() -> guard.check(URI.create(target)))
                .isInstanceOf(FetchFailure.class)
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BAD_URL);
    }

    @Test
    void publicHostsOnAnyPortPass() {
        assertThatCode(() -> guard.check(URI.create("https://news.test:8443/a"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("http://v6.test/"))).doesNotThrowAnyException();
    }

    @Test
    void unresolvableHostIsDnsFailure() {
        AddressGuard failing = new AddressGuard(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> failing.check(URI.create("http://nowhere.test/")))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.DNS_FAILED);
    }

    @Test
    void privateHostsPassWhenAllowed() {
        AddressGuard lenient = new AddressGuard(true, AddressGuardTest::resolve);
        assertThatCode(() -> lenient.check(URI.create("http://127.0.0.1:8080/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> lenient.check(URI.create("ftp://127.0.0.1/")))
                .extracting(f -> ((FetchFailure) f).reason()).isEqualTo(FetchFailureReason.BAD_URL);
    }
}

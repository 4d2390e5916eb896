package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.rank.ViewCounter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code huiwen.trusted-proxies} naming the proxy (here: loopback), the reader's address comes
 * from its {@code X-Forwarded-For}: five readers behind the proxy count five views. The same headers
 * from any other peer (this machine's own network address) are ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h", "huiwen.trusted-proxies=127.0.0.1, ::1"})
class TrustedProxyTest {

    static final Path DATA = TestDataDir.create("trusted-proxy");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ViewCounter counter;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readersBehindATrustedProxyCountByTheirForwardedAddress() throws Exception {
        long id = newestArticle();
        long before = views(id);
        for (int i = 1; i <= 5; i++) {
            for (int reload = 0; reload < 2; reload++) {
                assertThat(fetch("localhost", "/a/" + id, "X-Forwarded-For", "198.51.100." + i)).isEqualTo(200);
            }
        }
        counter.flush();
        assertThat(views(id) - before).isEqualTo(5);
    }

    @Test
    void anUntrustedPeersForwardedAddressesAreIgnored() throws Exception {
        String own = ownNetworkAddress();
        Assumptions.assumeTrue(own != null, "this machine has no network address besides loopback");
        long id = newestArticle();
        long before = views(id);
        for (int i = 1; i <= 5; i++) {
            assertThat(fetch(own, "/a/" + id, "X-Forwarded-For", "192.0.2." + i)).isEqualTo(200);
        }
        counter.flush();
        assertThat(views(id) - before).isEqualTo(1);
    }

    int fetch(String host, String path, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).header("User-Agent", DemoSite.BROWSER)
                .headers(headers).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String json(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    long newestArticle() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Matcher id;
        while (!(id = Pattern.compile("\"id\":(\\d+)").matcher(json("/api/v1/latest"))).find()) {
            assertThat(System.nanoTime()).as("demo articles loaded").isLessThan(deadline);
            Thread.sleep(200);
        }
        return Long.parseLong(id.group(1));
    }

    long views(long id) throws Exception {
        Matcher views = Pattern.compile("\"views\":(\\d+)").matcher(json("/api/v1/articles/" + id));
        assertThat(views.find()).isTrue();
        return Long.parseLong(views.group(1));
    }

    static String ownNetworkAddress() throws Exception {
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address.getHostAddress();
                }
            }
        }
        return null;
    }
}

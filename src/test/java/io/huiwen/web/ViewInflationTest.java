package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import io.huiwen.rank.ViewCounter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 热门 cannot be bought by one client: over real HTTP from one peer, 200 requests for an article with a
 * different User-Agent each and 50 with a different X-Forwarded-For (believed from nobody by default)
 * add one view; readers at several real addresses add one each, as the article's JSON shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
@AutoConfigureMockMvc
class ViewInflationTest {

    static final Path DATA = TestDataDir.create("view-inflation");

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired ViewCounter counter;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneClientAddsOneViewWhateverItSays() throws Exception {
        long a = article(0);
        for (int i = 0; i < 200; i++) {
            assertThat(fetch("/a/" + a, "User-Agent", DemoSite.BROWSER.replace("Chrome/130.0", "Chrome/" + (100 + i) + ".0." + i))).isEqualTo(200);
        }
        long b = article(1);
        for (int i = 0; i < 50; i++) {
            assertThat(fetch("/a/" + b, "User-Agent", DemoSite.BROWSER, "X-Forwarded-For", "203.0.113." + (i + 1))).isEqualTo(200);
        }
        counter.flush();
        assertThat(views(a)).as("200 user agents from one address").isEqualTo(1);
        assertThat(views(b)).as("50 forwarded-for addresses from one untrusted peer").isEqualTo(1);
    }

    @Test
    void readersAtDifferentAddressesCountOneEach() throws Exception {
        long c = article(2);
        for (int i = 1; i <= 5; i++) {
            String address = "198.51.100." + i;
            for (int reload = 0; reload < 3; reload++) {
                mvc.perform(get("/a/" + c).header("User-Agent", DemoSite.BROWSER).with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andExpect(status().isOk());
            }
        }
        counter.flush();
        assertThat(views(c)).isEqualTo(5);
    }

    int fetch(String path, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).headers(headers).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String json(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The n-th newest demo article (loaded just after start). */
    long article(int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Matcher ids = Pattern.compile("\"id\":(\\d+)").matcher(json("/api/v1/latest?size=10"));
            for (int i = 0; ids.find(); i++) {
                if (i == n) {
                    return Long.parseLong(ids.group(1));
                }
            }
            assertThat(System.nanoTime()).as("demo articles loaded").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    long views(long id) throws Exception {
        Matcher views = Pattern.compile("\"views\":(\\d+)").matcher(json("/api/v1/articles/" + id));
        assertThat(views.find()).isTrue();
        return Long.parseLong(views.group(1));
    }
}

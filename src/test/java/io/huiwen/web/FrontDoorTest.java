package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.DemoSite;
import io.huiwen.TestDataDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every answer carries and how a malformed request is answered, over real HTTP so that Tomcat's
 * own answers count too: the security headers on pages (rendered and from the page cache), static
 * files, JSON, redirects, error pages, the start-up gate's 503 and requests Tomcat refuses itself;
 * a clean 400 (or 404) with the portal's page, or JSON under /api/, and at most one WARN line, never a
 * stack trace; redirects that never carry the Host a client sent.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"huiwen.admin.password=test-admin", "huiwen.rank.flush-interval=1h"})
class FrontDoorTest {

    static final Path DATA = TestDataDir.create("front-door");
    static final String CSP = "default-src 'self'; img-src 'self' https: http: data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("huiwen.data-dir", DATA::toString);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", DemoSite.BROWSER);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request as raw bytes, for what HttpClient refuses to send; the answer's status line, headers (lower-case names) and body. */
    record Raw(String status, Map<String, String> headers, String body) {}

    Raw raw(String requestLine, String... headerLines) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder(requestLine).append("\r\n");
            if (java.util.Arrays.stream(headerLines).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
                request.append("Host: localhost\r\n");
            }
            for (String h : headerLines) {
                request.append(h).append("\r\n");
            }
            out.write(request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            return new Raw(lines[0], headers, text.substring(end + 4));
        }
    }

    static void assertSecurityHeaders(String what, java.util.function.Function<String, String> header) {
        assertThat(header.apply("Content-Security-Policy")).as(what).isEqualTo(CSP);
        assertThat(header.apply("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(header.apply("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(header.apply("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(header.apply("Permissions-Policy")).as(what)
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()");
    }

    static void assertSecurityHeaders(String what, HttpResponse<?> r) {
        assertSecurityHeaders(what, name -> r.headers().firstValue(name).orElse(null));
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        get("/c/keji");
        HttpResponse<String> cached = get("/c/keji");
        assertThat(cached.headers().firstValue("X-Cache")).hasValue("HIT");
        assertSecurityHeaders("a page from the page cache", cached);
        assertThat(cached.headers().allValues("Content-Security-Policy")).as("written once").hasSize(1);
        for (String path : List.of("/", "/a/1", "/search?q=机器人".replace("机器人", "%E6%9C%BA%E5%99%A8%E4%BA%BA"), "/feed.xml",
                "/css/site.css", "/api/v1/latest", "/login", "/a/999999", "/api/v1/articles/999999", "/admin", "/actuator/health")) {
            HttpResponse<String> r = get(path);
            assertSecurityHeaders(path + " (" + r.statusCode() + ")", r);
        }
        HttpResponse<String> page = get("/", "Accept-Language", "en-US,en;q=0.9");
        assertThat(page.headers().firstValue("Content-Language")).as("pages are in Chinese whatever the reader asks").hasValue("zh-CN");
        assertThat(get("/a/999999").headers().firstValue("Content-Language")).hasValue("zh-CN");
    }

    @Test
    void theStartupGatesAnswerCarriesThemToo() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            HttpResponse<String> r = get("/t/%E6%9C%AA%E7%BC%93%E5%AD%98");
            assertThat(r.statusCode()).isEqualTo(503);
            assertSecurityHeaders("the start-up gate", r);
            assertThat(r.headers().firstValue("Content-Language")).hasValue("zh-CN");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Test
    void whatTomcatRefusesItselfIsAShortPlainPageWithTheHeaders(CapturedOutput output) throws Exception {
        for (String requestLine : List.of("GET /a/%zz HTTP/1.1", "GET /search?q=a b<c HTTP/1.1", "GET /a/%E4%B8 HTTP/1.1")) {
            int before = output.length();
            Raw r = raw(requestLine);
            assertThat(r.status()).as(requestLine).startsWith("HTTP/1.1 400");
            assertSecurityHeaders(requestLine, r.headers()::get);
            assertThat(r.headers().get("content-language")).isEqualTo("zh-CN");
            assertThat(r.body()).as(requestLine).contains("请求有误").doesNotContainIgnoringCase("tomcat").doesNotContain("<style");
            assertOneWarningAtMost(requestLine, output.toString().substring(before));
        }
        for (String malformed : List.of("GET /search?q=ok&q=%zz HTTP/1.1", "GET /c/keji?page=%G1 HTTP/1.1")) {
            Raw r = raw(malformed);
            assertThat(r.status()).as(malformed).startsWith("HTTP/1.1 400");
            assertThat(r.body()).as(malformed).contains("class=\"error-page\"").contains("请求有误");
        }
        Raw api = raw("GET /api/v1/search?q=%zz%zz HTTP/1.1");
        assertThat(api.status()).startsWith("HTTP/1.1 400");
        assertThat(api.headers().get("content-type")).startsWith("application/json");
        assertThat(api.body()).startsWith("{\"error\":");
        Raw tooLong = raw("GET /search?q=" + "a".repeat(20_000) + " HTTP/1.1");
        assertThat(tooLong.status()).startsWith("HTTP/1.1 400");
        assertSecurityHeaders("a request line too long", tooLong.headers()::get);
    }

    @Test
    void malformedRequestsAreACleanAnswerAndOneWarningAtMost(CapturedOutput output) throws Exception {
        record Case(String path, int status) {}
        String huge = "/search?q=" + "%E6%96%B0".repeat(600);
        for (Case c : List.of(new Case("/search?q=%FF%FE", 400), new Case("/search?q=ok&q=%C3%28", 400), new Case("/c/keji?page=abc", 400),
                new Case("/a/abc", 404), new Case("/a/99999999999999999999999", 404), new Case(huge, 400), new Case("/?x=%C3", 400))) {
            int before = output.length();
            HttpResponse<String> r = get(c.path());
            String what = c.path().substring(0, Math.min(60, c.path().length()));
            assertThat(r.statusCode()).as(what).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(what).startsWith("text/html");
            assertThat(r.body()).as(what).contains("class=\"error-page\"").contains(c.status() == 404 ? "页面不存在" : "请求有误");
            assertOneWarningAtMost(what, output.toString().substring(before));
        }
        for (String path : List.of("/api/v1/search?q=%FF", "/api/v1/articles?page=abc", "/api/v1/articles/abc", "/api/v1/nothing-here",
                "/api/v1/search?q=" + "%E6%96%B0".repeat(600))) {
            int before = output.length();
            HttpResponse<String> r = get(path);
            String what = path.substring(0, Math.min(60, path.length()));
            assertThat(r.statusCode()).as(what).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(what).startsWith("application/json");
            assertThat(r.body()).as(what).matches("\\{\"error\":\"[^\"]+\"}");
            assertOneWarningAtMost(what, output.toString().substring(before));
        }
    }

    @Test
    void everyApiErrorIsJson() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin".getBytes(StandardCharsets.UTF_8));
        record Case(String what, HttpRequest request, int status) {}
        java.util.function.Function<String, HttpRequest.Builder> at = path -> HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (Case c : List.of(
                new Case("unknown path", at.apply("/api/v1/no-such-thing").GET().build(), 404),
                new Case("wrong password", at.apply("/api/v1/stories/merge").header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 401),
                new Case("wrong method", at.apply("/api/v1/latest").DELETE().header("Authorization", basic).build(), 405),
                new Case("not acceptable", at.apply("/api/v1/latest").header("Accept", "application/xml").build(), 406),
                new Case("wrong content type", at.apply("/api/v1/stories/merge").header("Authorization", basic)
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")).build(), 415),
                new Case("body not JSON", at.apply("/api/v1/stories/merge").header("Authorization", basic)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")).build(), 400))) {
            HttpResponse<String> r = http.send(c.request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(c.what()).isEqualTo(c.status());
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(c.what()).startsWith("application/json");
            assertThat(r.body()).as(c.what()).matches("\\{\"error\":\"[^\"]+\"}").doesNotContain("服务器出了点问题");
            assertSecurityHeaders(c.what(), r);
        }
    }

    @Test
    void redirectsNeverCarryTheHostAClientSent() throws Exception {
        HttpResponse<String> forged = raw2("/admin", "Host: evil.example", "Accept: text/html");
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValue("/login");
        HttpResponse<String> forwarded = get("/admin", "Accept", "text/html", "X-Forwarded-Host", "evil.example",
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");
        assertThat(forwarded.statusCode()).isEqualTo(302);
        assertThat(forwarded.headers().firstValue("Location")).hasValue("/login");
        assertSecurityHeaders("a redirect", forwarded);
    }

    @Test
    void theConnectorGathersAWholePageBeforeWritingIt() throws IOException {
        var server = (org.springframework.boot.tomcat.TomcatWebServer)
                ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer();
        var endpoint = ((org.apache.coyote.http11.AbstractHttp11Protocol<?>) server.getTomcat().getConnector().getProtocolHandler());
        assertThat(endpoint.getProperty("socket.appWriteBufSize")).as("bytes written per system call")
                .isEqualTo(Integer.toString(TomcatHardening.WRITE_BUFFER));
        Raw home = raw("GET / HTTP/1.1", "Host: localhost");
        assertThat(home.body().getBytes(StandardCharsets.UTF_8).length).as("the home page, with room for its headers")
                .isLessThan(TomcatHardening.WRITE_BUFFER - 2048);
    }

    /** HttpClient does not let a test set Host; a raw request does. */
    private HttpResponse<String> raw2(String path, String... headerLines) throws IOException {
        Raw r = raw("GET " + path + " HTTP/1.1", headerLines);
        int status = Integer.parseInt(r.status().split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        r.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return null; }
            public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
            public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(headers, (a, b) -> true); }
            public String body() { return r.body(); }
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
            public URI uri() { return URI.create(path); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }

    static void assertOneWarningAtMost(String what, String log) {
        List<String> lines = log.lines().toList();
        assertThat(lines.stream().filter(l -> l.contains(" WARN ")).count()).as(what + ":\n" + log).isLessThanOrEqualTo(1);
        assertThat(lines).as(what + ": no error, no stack trace").noneMatch(l -> l.contains(" ERROR ") || l.startsWith("\tat ")
                || l.startsWith("Caused by"));
    }
}

package io.huiwen.collect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small news site on loopback for the collection tests: pages are registered per path, and
 * every request is logged, so a test can assert what Huiwen did and did not ask for.
 */
final class FakeNewsSite implements AutoCloseable {

    /** One canned response; {@code etag} makes the path answer 304 to a matching If-None-Match. */
    record Page(int status, String contentType, byte[] body, String etag, Map<String, String> headers) {}

    private final HttpServer server;
    private final Map<String, Function<HttpExchange, Page>> pages = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeNewsSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    FakeNewsSite page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    FakeNewsSite page(String path, String contentType, String body, Charset charset) {
        return page(path, contentType, body.getBytes(charset), null);
    }

    FakeNewsSite page(String path, String contentType, byte[] body, String etag) {
        pages.put(path, x -> new Page(200, contentType, body, etag, Map.of()));
        return this;
    }

    FakeNewsSite respond(String path, Function<HttpExchange, Page> answer) {
        pages.put(path, answer);
        return this;
    }

    long count(String path) {
        return requests.stream().filter(r -> r.endsWith(" " + path)).count();
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        requests.add(x.getRequestMethod() + " " + path);
        var handler = pages.get(path);
        Page page = handler == null ? new Page(404, "text/html", "<html><body>not here</body></html>".getBytes(StandardCharsets.UTF_8), null, Map.of())
                : handler.apply(x);
        if (page.etag() != null) {
            x.getResponseHeaders().set("ETag", page.etag());
            if (page.etag().equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
        }
        page.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
        x.getResponseHeaders().set("Content-Type", page.contentType());
        x.sendResponseHeaders(page.status(), page.body().length == 0 ? -1 : page.body().length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(page.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.huiwen.collect;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site on 127.0.0.1 for fetcher tests: routes by exact path, answers 404 otherwise (so
 * robots.txt allows all unless a test sets one), and logs every request it receives, with the
 * time, so tests can assert what was and was not requested and how far apart. Public for the
 * image proxy's tests in {@code web}, which fetch from it too.
 */
public class FakeSite implements AutoCloseable {

    /** One received request. */
    record Hit(String target, long nanos, Headers headers) {}

    /** Answers a request; {@code call} counts the requests to this path so far, from 1. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange, int call) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private volatile Map<String, Route> baseline = Map.of();

    /** Starts the site on a free port; a loopback server that cannot start is a broken machine, hence unchecked. */
    public FakeSite() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Properties for fetching from loopback quickly: 200 ms host delay, short timeouts, 1 MiB cap. */
    public static CollectProperties properties() {
        return properties(true, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    static CollectProperties properties(boolean allowPrivateHosts, Duration readTimeout, Duration requestTimeout) {
        return new CollectProperties(allowPrivateHosts, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(2), readTimeout, requestTimeout, 1024 * 1024, 3, 2, Duration.ofMillis(100), 500, 4, Duration.ofSeconds(5), Duration.ofSeconds(10), true);
    }

    public URI url(String target) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target);
    }

    int port() {
        return server.getAddress().getPort();
    }

    public FakeSite on(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    FakeSite page(String path, int status, String contentType, String body) {
        return on(path, (exchange, call) -> reply(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A 200 page in UTF-8. */
    public FakeSite page(String path, String contentType, String body) {
        return page(path, contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A 200 page in the given encoding (GBK list pages, say). */
    FakeSite page(String path, String contentType, String body, java.nio.charset.Charset charset) {
        return page(path, contentType, body.getBytes(charset), null);
    }

    /** How many requests asked for exactly this path and query. */
    public long count(String target) {
        return hitsOf(target).size();
    }

    /** A page in any encoding; with an {@code etag}, a request carrying it in If-None-Match gets 304. */
    FakeSite page(String path, String contentType, byte[] body, String etag) {
        return on(path, (exchange, call) -> {
            if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                reply(exchange, 304, null, new byte[0], "ETag", etag);
            } else if (etag != null) {
                reply(exchange, 200, contentType, body, "ETag", etag);
            } else {
                reply(exchange, 200, contentType, body);
            }
        });
    }

    /** From now on {@link #reset} brings back the routes set so far (the pages every test of a class shares). */
    void keepRoutes() {
        baseline = Map.copyOf(routes);
    }

    /** Forgets the requests received and the routes added since {@link #keepRoutes}. */
    void reset() {
        routes.clear();
        routes.putAll(baseline);
        calls.clear();
        hits.clear();
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<String> targets() {
        return hits.stream().map(Hit::target).toList();
    }

    List<Hit> hitsOf(String target) {
        return hits.stream().filter(h -> h.target().equals(target)).toList();
    }

    public static void reply(HttpExchange exchange, int status, String contentType, byte[] body, String... headerPairs)
            throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            exchange.getResponseHeaders().set(headerPairs[i], headerPairs[i + 1]);
        }
        boolean noBody = body.length == 0 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().toString();
        hits.add(new Hit(target, System.nanoTime(), exchange.getRequestHeaders()));
        String path = exchange.getRequestURI().getPath();
        Route route = routes.get(path);
        int call = calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try {
            if (route == null) {
                reply(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
            } else {
                route.answer(exchange, call);
            }
        } catch (Exception e) {
            exchange.close(); // the client went away, or the test's route threw: either way, drop it
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

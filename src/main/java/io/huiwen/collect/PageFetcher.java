package io.huiwen.collect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * Fetches one page over HTTP(S) with a clear User-Agent, timeouts, a redirect limit and a size
 * cap, so a slow or endless response cannot hang or exhaust the process.
 */
public final class PageFetcher {

    /** A fetched page: its final URL (after redirects), Content-Type and raw bytes. */
    public record FetchedPage(URI url, String contentType, byte[] body, Instant fetchedAt) {}

    /** The page could not be fetched; the message says why in one line. */
    public static final class FetchException extends IOException {
        public FetchException(String message) {
            super(message);
        }
    }

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String userAgent;

    public PageFetcher(String version, String siteUrl) {
        this.userAgent = "Huiwen/" + version + " (+" + siteUrl + ")";
    }

    public FetchedPage fetch(URI url) throws FetchException {
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new FetchException("only http and https URLs can be fetched: " + url);
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("User-Agent", userAgent)
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() >= 400) {
                    throw new FetchException("HTTP " + response.statusCode() + " for " + url);
                }
                return new FetchedPage(response.uri(), response.headers().firstValue("Content-Type").orElse(null),
                        readCapped(body, url), Instant.now());
            }
        } catch (HttpTimeoutException e) {
            throw new FetchException("timed out fetching " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted fetching " + url);
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw new FetchException("cannot fetch " + url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static byte[] readCapped(InputStream in, URI url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BYTES) {
                throw new FetchException("page larger than " + MAX_BYTES / (1024 * 1024) + " MB: " + url);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}

package io.huiwen.collect;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * One request and its response, one hop of a fetch: no redirects followed, the body read only
 * for a 2xx, with read and whole-request timeouts and the size cap. Transport failures become
 * typed {@link FetchFailure}s.
 */
final class HttpHop {

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,"
            + "application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.5";
    static final String ACCEPT_LANGUAGE = "zh-CN,zh;q=0.9,en;q=0.8";

    /** What came back: the hop's URL, status, headers, and the decoded body (empty unless 2xx). */
    record Answer(URI url, int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final Duration connectTimeout;
    private final Executor executor;
    private final String userAgent;
    private final Duration readTimeout;
    /** Made on the first request: building it reads the JDK's trusted certificates, work a start need not wait for. */
    private volatile HttpClient client;

    HttpHop(Duration connectTimeout, Duration readTimeout, String userAgent, Executor executor) {
        this.connectTimeout = connectTimeout;
        this.executor = executor;
        this.userAgent = userAgent;
        this.readTimeout = readTimeout;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER) // every hop goes back through the guard
                            .version(HttpClient.Version.HTTP_1_1)
                            .executor(executor)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Sends a GET for {@code url}; {@code conditional} (may be null) supplies validators and
     * Referer. A 2xx body past {@code limit} bytes fails, or is cut there when {@code truncate}.
     */
    Answer send(URI url, FetchRequest conditional, long limit, boolean truncate, Deadline deadline) throws FetchFailure {
        if (deadline.passed()) {
            throw new FetchFailure(FetchFailureReason.TIMEOUT, "request timeout passed before " + url);
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client().send(request(url, conditional, deadline), HttpResponse.BodyHandlers.ofPublisher());
        } catch (IllegalArgumentException e) {
            throw new FetchFailure(FetchFailureReason.BAD_URL, "cannot request " + url + ": " + e.getMessage());
        } catch (IOException e) {
            throw transportFailure(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "interrupted fetching " + url);
        }
        BodyStream stream = new BodyStream(readTimeout, deadline);
        response.body().subscribe(stream);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            stream.close(); // redirects and errors are judged by status alone
            return new Answer(url, status, response.headers(), new byte[0]);
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > limit && !truncate) {
            stream.close();
            throw new FetchFailure(FetchFailureReason.TOO_LARGE, "Content-Length " + declared + " above " + limit + ": " + url);
        }
        try {
            byte[] body = ResponseBody.read(stream, response.headers().firstValue("Content-Encoding").orElse(null),
                    limit, truncate);
            return new Answer(url, status, response.headers(), body);
        } catch (ResponseBody.TooLarge e) {
            throw new FetchFailure(FetchFailureReason.TOO_LARGE, e.getMessage() + ": " + url);
        } catch (ResponseBody.BrokenCompression | ResponseBody.UnknownEncoding e) {
            throw new FetchFailure(FetchFailureReason.BROKEN_COMPRESSION, e.getMessage() + ": " + url);
        } catch (BodyStream.SlowServer e) {
            throw new FetchFailure(FetchFailureReason.TIMEOUT, e.getMessage() + ": " + url);
        } catch (IOException e) {
            throw new FetchFailure(FetchFailureReason.IO_ERROR, "cannot read " + url + ": " + describe(e));
        } finally {
            stream.close();
        }
    }

    private HttpRequest request(URI url, FetchRequest conditional, Deadline deadline) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(deadline.cap(readTimeout).plusMillis(1)) // until the response headers arrive
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Language", ACCEPT_LANGUAGE)
                .header("Accept-Encoding", ResponseBody.ACCEPT_ENCODING)
                .GET();
        if (conditional != null) {
            setIfPresent(builder, "If-None-Match", conditional.etag());
            setIfPresent(builder, "If-Modified-Since", conditional.lastModified());
            setIfPresent(builder, "Referer", conditional.referer());
        }
        return builder.build();
    }

    private static void setIfPresent(HttpRequest.Builder builder, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.header(name, value);
        }
    }

    private static FetchFailure transportFailure(URI url, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new FetchFailure(FetchFailureReason.CONNECT_FAILED, "connect timed out: " + url);
        }
        if (e instanceof HttpTimeoutException) {
            return new FetchFailure(FetchFailureReason.TIMEOUT, "no response in time: " + url);
        }
        if (e.getCause() instanceof UnresolvedAddressException) {
            return new FetchFailure(FetchFailureReason.DNS_FAILED, "cannot resolve " + url.getHost());
        }
        if (e instanceof ConnectException) {
            return new FetchFailure(FetchFailureReason.CONNECT_FAILED, "cannot connect to " + url + ": " + describe(e));
        }
        return new FetchFailure(FetchFailureReason.IO_ERROR, "cannot fetch " + url + ": " + describe(e));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

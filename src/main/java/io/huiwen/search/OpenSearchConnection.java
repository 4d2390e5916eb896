package io.huiwen.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiwen.HuiwenProperties;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A client for the configured cluster, checked before anything uses it: a cluster that cannot be
 * reached, or is not OpenSearch 2, stops the start with one line that names the addresses and the
 * reason, instead of a page of stack trace or, worse, requests that fail later one by one.
 */
final class OpenSearchConnection {

    static final int SUPPORTED_MAJOR = 2;

    private OpenSearchConnection() {}

    /** A client over every configured address (the transport fails over between them), once the cluster said what it is. */
    static OpenSearchClient open(HuiwenProperties.OpenSearch settings) {
        OpenSearchClient client;
        try {
            client = new OpenSearchClient(transport(settings));
        } catch (RuntimeException | URISyntaxException e) {
            throw unusable(settings.uris(), e);
        }
        try {
            checkVersion(client);
            return client;
        } catch (RuntimeException | IOException e) {
            close(client);
            throw unusable(settings.uris(), e);
        }
    }

    private static org.opensearch.client.transport.OpenSearchTransport transport(HuiwenProperties.OpenSearch settings) throws URISyntaxException {
        HttpHost[] hosts = new HttpHost[settings.uris().size()];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = HttpHost.create(settings.uris().get(i).strip());
        }
        return ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper())
                .setConnectionConfigCallback(c -> c.setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.socketTimeout())))
                .setRequestConfigCallback(r -> r.setResponseTimeout(Timeout.of(settings.socketTimeout())))
                .setHttpClientConfigCallback(http -> {
                    if (settings.username() != null && !settings.username().isBlank()) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        char[] password = settings.password() == null ? new char[0] : settings.password().toCharArray();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host), new UsernamePasswordCredentials(settings.username(), password));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    return http;
                })
                .build();
    }

    /** Asks the cluster's root for its distribution and version: OpenSearch 2.x is what the client and the layout were made for. */
    static void checkVersion(OpenSearchClient client) throws IOException {
        String body;
        try (var response = client.generic().execute(Requests.builder().method("GET").endpoint("/").build())) {
            body = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() != 200) {
                throw new IllegalStateException("the cluster answered HTTP " + response.getStatus() + " " + body);
            }
        }
        JsonNode version = new ObjectMapper().readTree(body).path("version");
        String distribution = version.path("distribution").asText(""), number = version.path("number").asText("");
        if (!"opensearch".equals(distribution)) {
            throw new IllegalStateException("it is not OpenSearch (distribution \"" + distribution + "\", version " + number
                    + "); OpenSearch " + SUPPORTED_MAJOR + ".x is needed");
        }
        if (!number.startsWith(SUPPORTED_MAJOR + ".")) {
            throw new IllegalStateException("OpenSearch " + number + " is not supported; OpenSearch " + SUPPORTED_MAJOR + ".x is needed");
        }
    }

    /** The failure as one line: where, and the innermost reason that says something. */
    static IllegalStateException unusable(List<String> uris, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && (cause.getMessage() == null || cause instanceof java.util.concurrent.ExecutionException
                || cause.getClass().getName().startsWith("org.opensearch.client.transport"))) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause instanceof IllegalStateException ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new IllegalStateException("OpenSearch at " + uris + " cannot be used: " + reason.replaceAll("\\s+", " ").strip(), e);
    }

    static void close(OpenSearchClient client) {
        try {
            client._transport().close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure: the failure is what the caller reports
        }
    }
}

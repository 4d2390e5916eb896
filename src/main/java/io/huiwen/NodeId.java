package io.huiwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Who this node is, as the holder of leases in a database that many nodes may share. Set with
 * {@code huiwen.node-id}; otherwise generated once (host name and a random part, since two nodes
 * may run on one host) and kept in {@code <data-dir>/node-id}, so a restarted node knows the
 * leases its previous run died holding.
 */
@Component
public final class NodeId {

    static final String FILE = "node-id";
    static final int MAX_LENGTH = 100; // source.lease_owner
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_LENGTH + "}");

    private final String value;

    NodeId(HuiwenProperties properties) {
        this.value = resolve(properties.nodeId(), properties.dataDir());
    }

    static String resolve(String configured, Path dataDir) {
        return configured == null || configured.isBlank() ? kept(dataDir) : checked(configured.strip(), "huiwen.node-id");
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    /** The id in the data directory, written there first if there is none yet. */
    static String kept(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Path draft = Files.createTempFile(dataDir, FILE, ".new");
                Files.writeString(draft, generated() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, draft); // atomic, never replaces: whoever came first wins, both read the winner
                } catch (FileAlreadyExistsException e) {
                    // another start wrote it first
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep this node's id in " + file, e);
        }
    }

    static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "");
        } catch (UnknownHostException e) {
            host = "";
        }
        host = host.isEmpty() ? "node" : host.substring(0, Math.min(host.length(), 60));
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String checked(String id, String where) {
        if (!ALLOWED.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": a node id is 1 to " + MAX_LENGTH
                    + " letters, digits and . _ : @ -, not '" + id + "'");
        }
        return id;
    }
}

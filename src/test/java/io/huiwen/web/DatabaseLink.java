package io.huiwen.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link between the portal and its database on 127.0.0.1 that a test can break: refuse new
 * connections (reset at once, as a stopped server does), blackhole them (accepted, never answered, as
 * an unreachable host looks), cut the established ones, and restore it.
 */
final class DatabaseLink implements AutoCloseable {

    enum Mode { OPEN, REFUSE, BLACKHOLE }

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "database-link");
        t.setDaemon(true);
        return t;
    });
    private volatile Mode mode = Mode.OPEN;

    DatabaseLink(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** New connections are reset, established ones cut. */
    void refuse() {
        mode = Mode.REFUSE;
        cutAll();
    }

    /** New connections are accepted and never answered, established ones cut. */
    void blackhole() {
        mode = Mode.BLACKHOLE;
        cutAll();
    }

    /** Back to forwarding; connections left hanging by the blackhole are closed, as a recovered network's peers would see. */
    void restore() {
        mode = Mode.OPEN;
        cutAll();
    }

    private void cutAll() {
        for (Socket s : sockets) {
            reset(s);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                switch (mode) {
                    case REFUSE -> reset(client);
                    case BLACKHOLE -> sockets.add(client);
                    case OPEN -> forward(client);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(Socket client) {
        Socket db = new Socket();
        try {
            db.connect(upstream, 2_000);
        } catch (IOException e) {
            reset(client);
            return;
        }
        sockets.add(client);
        sockets.add(db);
        threads.execute(() -> pump(client, db));
        threads.execute(() -> pump(db, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut or closed by either side
        } finally {
            reset(from);
            reset(to);
        }
    }

    private void reset(Socket s) {
        sockets.remove(s);
        try {
            s.setSoLinger(true, 0); // RST, not a polite FIN: what a crashed server or a dropped route gives
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
        threads.shutdownNow();
    }
}

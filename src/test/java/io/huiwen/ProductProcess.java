package io.huiwen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The product's main in a JVM of its own, on the test classpath, as {@code java -jar} would run
 * it: a portal node or a command. Its stdout is read line by line (so it never blocks on a full
 * pipe); its stderr goes to a log file named in failure messages.
 */
public final class ProductProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ProductProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended or was killed
            }
        }, "stdout of " + log.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code HuiwenApplication} with these arguments; stderr goes to {@code log}. */
    public static ProductProcess start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), HuiwenApplication.class.getName()));
        command.addAll(args);
        return new ProductProcess(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /** A TCP port free on loopback now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** The next line printed, or null after {@code timeout}. */
    public String nextLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Every line printed so far that was not taken yet. */
    public List<String> printed() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** Waits for the process to end by itself; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("did not end within " + timeout + " (see " + log + ")");
        }
        process.waitFor(1, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** Waits until the server at {@code base} declares itself ready (readiness UP, so its index caught up). */
    public void awaitReady(HttpClient http, String base, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server ended with status " + process.exitValue() + " (see " + log + ")");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // poll again
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("server not ready within " + timeout + " (see " + log + ")");
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}

package io.huiwen.collect;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream that gives up when no bytes arrive for {@code readTimeout}
 * or the whole request's deadline passes: the JDK's own body stream would block forever on a
 * server that stops sending. Asks for one chunk at a time, so memory stays bounded.
 */
final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** Thrown when the server is too slow; the caller maps it to {@link FetchFailureReason#TIMEOUT}. */
    static final class SlowServer extends InterruptedIOException {
        SlowServer(String message) {
            super(message);
        }
    }

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final Duration readTimeout;
    private final Deadline deadline;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> pending = List.<ByteBuffer>of().iterator();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean ended;

    BodyStream(Duration readTimeout, Deadline deadline) {
        this.readTimeout = readTimeout;
        this.deadline = deadline;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable failure) {
        chunks.add(failure);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (pending.hasNext()) {
                current = pending.next();
            } else if (ended || !nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(length, current.remaining());
        current.get(into, offset, n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private boolean nextChunk() throws IOException {
        long wait = Math.min(readTimeout.toNanos(), deadline.remainingNanos());
        Object next;
        try {
            next = wait <= 0 ? chunks.poll() : chunks.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while reading the response");
        }
        if (next == null) {
            close();
            throw new SlowServer(deadline.passed() ? "request timeout passed while reading the body"
                    : "no data for " + readTimeout.toMillis() + " ms");
        }
        if (next == END) {
            ended = true;
            return false;
        }
        if (next instanceof Throwable failure) {
            ended = true;
            throw failure instanceof IOException io ? io : new IOException(failure);
        }
        pending = ((List<ByteBuffer>) next).iterator();
        subscription.request(1);
        return true;
    }

    /** Stops the download; the connection is dropped rather than drained. */
    @Override
    public void close() {
        ended = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}

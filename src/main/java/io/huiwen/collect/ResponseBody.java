package io.huiwen.collect;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Reads a response body, undoing its Content-Encoding (gzip, deflate, br) ourselves and counting
 * bytes after decompression, so a small compressed bomb stops at the cap instead of filling memory.
 */
final class ResponseBody {

    /** What we accept; each is decoded in {@link #decoded}. */
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    /** The body was larger than allowed, after decompression. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("response larger than " + limit + " bytes");
        }
    }

    /** The server used a Content-Encoding we did not offer. */
    static final class UnknownEncoding extends IOException {
        UnknownEncoding(String encoding) {
            super("unsupported Content-Encoding " + encoding);
        }
    }

    /** The body's compressed stream could not be undone: a broken gzip, deflate or brotli stream. */
    static final class BrokenCompression extends IOException {
        BrokenCompression(String encoding, IOException cause) {
            super("broken " + encoding + " stream: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()), cause);
        }
    }

    private ResponseBody() {
    }

    /**
     * All of {@code raw}, decoded. Past {@code limit} bytes it throws {@link TooLarge}, or, when
     * {@code truncate}, returns the first {@code limit} bytes (robots.txt is read that way).
     */
    static byte[] read(InputStream raw, String contentEncoding, long limit, boolean truncate) throws IOException {
        Transport transport = new Transport(raw);
        try (InputStream in = decoded(transport, contentEncoding)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (total + n > limit) {
                    if (!truncate) {
                        throw new TooLarge(limit);
                    }
                    out.write(buffer, 0, (int) (limit - total));
                    return out.toByteArray();
                }
                out.write(buffer, 0, n);
                total += n;
            }
            return out.toByteArray();
        } catch (TooLarge | UnknownEncoding e) {
            throw e;
        } catch (IOException e) {
            if (transport.failure == e || encodings(contentEncoding).isEmpty()) {
                throw e; // the connection failed or was too slow, not the decoder
            }
            throw new BrokenCompression(contentEncoding.strip(), e);
        }
    }

    /** The raw body, remembering its own failure so a decoder's complaint can be told apart from it. */
    private static final class Transport extends FilterInputStream {
        private IOException failure;

        Transport(InputStream raw) {
            super(raw);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            try {
                return super.read(into, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** {@code raw} with every listed encoding undone, last applied first. */
    static InputStream decoded(InputStream raw, String contentEncoding) throws IOException {
        InputStream in = raw;
        for (String encoding : encodings(contentEncoding)) {
            in = switch (encoding) {
                case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
                case "deflate" -> inflating(in);
                case "br" -> new BrotliInputStream(in);
                case "identity", "none" -> in;
                default -> throw new UnknownEncoding(encoding);
            };
        }
        return in;
    }

    private static List<String> encodings(String header) {
        List<String> list = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                String encoding = part.trim().toLowerCase(Locale.ROOT);
                if (!encoding.isEmpty()) {
                    list.add(encoding);
                }
            }
        }
        Collections.reverse(list);
        return list;
    }

    /** "deflate" should be zlib-wrapped, but some servers send raw deflate; the first two bytes tell. */
    private static InputStream inflating(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        int b0 = in.read();
        int b1 = b0 < 0 ? -1 : in.read();
        if (b1 >= 0) {
            in.unread(b1);
        }
        if (b0 >= 0) {
            in.unread(b0);
        }
        boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        return new InflaterInputStream(in, inflater, 8192) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end(); // a custom Inflater is not ended by InflaterInputStream
                }
            }
        };
    }
}

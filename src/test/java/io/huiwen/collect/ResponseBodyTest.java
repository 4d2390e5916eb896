package io.huiwen.collect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ResponseBodyTest {

    static final String TEXT = "汇闻：新闻聚合。".repeat(20);

    /** {@link #TEXT} compressed by the reference brotli encoder ({@code brotli -q 11}): 37 bytes for 480. */
    static final byte[] BROTLI_TEXT = hex("1fdf01f8e5d3855c5188129b923c7b6bdfedd283c238c182bd78bcfe8eb61caf8771550e10");

    @Test
    void identityBodyIsReadAsIs() throws IOException {
        assertThat(read(TEXT.getBytes(UTF_8), null)).isEqualTo(TEXT);
        assertThat(read(TEXT.getBytes(UTF_8), "identity")).isEqualTo(TEXT);
    }

    @Test
    void gzipIsDecoded() throws IOException {
        assertThat(read(gzip(TEXT.getBytes(UTF_8)), "gzip")).isEqualTo(TEXT);
        assertThat(read(gzip(TEXT.getBytes(UTF_8)), "x-gzip")).isEqualTo(TEXT);
    }

    @Test
    void zlibWrappedDeflateIsDecoded() throws IOException {
        assertThat(read(deflate(TEXT.getBytes(UTF_8), false), "deflate")).isEqualTo(TEXT);
    }

    @Test
    void rawDeflateSentAsDeflateIsDecodedToo() throws IOException {
        assertThat(read(deflate(TEXT.getBytes(UTF_8), true), "Deflate")).isEqualTo(TEXT);
    }

    @Test
    void brotliIsDecoded() throws IOException {
        assertThat(read(BROTLI_TEXT, "br")).isEqualTo(TEXT);
    }

    @Test
    void stackedEncodingsAreUndoneInReverseOrder() throws IOException {
        assertThat(read(gzip(deflate(TEXT.getBytes(UTF_8), false)), "deflate, gzip")).isEqualTo(TEXT);
    }

    @Test
    void unknownEncodingIsRefused() {
        assertThatThrownBy(() -> read(TEXT.getBytes(UTF_8), "compress")).isInstanceOf(ResponseBody.UnknownEncoding.class);
    }

    @Test
    void aBrokenCompressedStreamIsBrokenCompressionNotAnOrdinaryReadError() throws IOException {
        byte[] whole = gzip(TEXT.getBytes(UTF_8));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> read(cut, "gzip")).isInstanceOf(ResponseBody.BrokenCompression.class);
        assertThatThrownBy(() -> read(TEXT.getBytes(UTF_8), "gzip")).isInstanceOf(ResponseBody.BrokenCompression.class)
                .hasMessageStartingWith("broken gzip stream");
        assertThatThrownBy(() -> read(TEXT.getBytes(UTF_8), "br")).isInstanceOf(ResponseBody.BrokenCompression.class);
    }

    @Test
    void capCountsDecompressedBytes() throws IOException {
        byte[] zeros = gzip(new byte[300_000]);
        assertThat(zeros.length).isLessThan(2_000);
        assertThatThrownBy(() -> ResponseBody.read(new ByteArrayInputStream(zeros), "gzip", 100_000, false))
                .isInstanceOf(ResponseBody.TooLarge.class);
    }

    @Test
    void truncatingReadKeepsTheFirstBytes() throws IOException {
        byte[] body = ResponseBody.read(new ByteArrayInputStream(gzip(new byte[300_000])), "gzip", 1000, true);
        assertThat(body).hasSize(1000);
    }

    @Test
    void gzipBombStopsAtTheCapWithoutReadingTheRest() throws IOException {
        CountingStream bomb = new CountingStream(new ByteArrayInputStream(gzip(new byte[64 * 1024 * 1024])));
        assertThatThrownBy(() -> ResponseBody.read(bomb, "gzip", 1024 * 1024, false)).isInstanceOf(ResponseBody.TooLarge.class);
        assertThat(bomb.count).isLessThan(bomb.total / 4);
    }

    private static String read(byte[] body, String encoding) throws IOException {
        return new String(ResponseBody.read(new ByteArrayInputStream(body), encoding, 1 << 20, false), UTF_8);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** Counts how much of the compressed stream was consumed. */
    private static final class CountingStream extends InputStream {
        private final ByteArrayInputStream in;
        private final int total;
        private long count;

        CountingStream(ByteArrayInputStream in) {
            this.in = in;
            this.total = in.available();
        }

        @Override
        public int read() {
            int b = in.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = in.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}

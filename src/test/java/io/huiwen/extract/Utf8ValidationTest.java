package io.huiwen.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast UTF-8 check must agree with the JDK's strict decoder on every input. */
class Utf8ValidationTest {

    @Test
    void agreesWithTheJdksStrictDecoder() {
        Random random = new Random(42);
        byte[][] seeds = {
            "汇闻 news 新闻 😀 é".getBytes(StandardCharsets.UTF_8),
            "中文".getBytes(java.nio.charset.Charset.forName("GB18030")),
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {}
        };
        for (byte[] seed : seeds) {
            assertThat(CharsetSniffer.isUtf8(seed)).as(java.util.Arrays.toString(seed)).isEqualTo(jdkSays(seed));
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            assertThat(CharsetSniffer.isUtf8(b)).as(java.util.Arrays.toString(b)).isEqualTo(jdkSays(b));
        }
    }

    private static boolean jdkSays(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package io.huiwen.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiwen.TestDataDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The image folder as the next start of Huiwen finds it: leftovers of a crash, lost sidecars, and the served order. */
class ImageCacheTest {

    static final byte[] PNG = ImageProxyTest.png(500, 'p');
    static final byte[] JPEG = jpeg(500);

    final Path dir = TestDataDir.create("image-cache").resolve("images");

    @Test
    void partFilesLeftByACrashAreRemovedAtStartup() throws Exception {
        Files.createDirectories(dir);
        Path part = Files.write(dir.resolve(ImageCache.key("https://a.example/1.png") + "123.part"), new byte[] {1, 2, 3});
        Path orphanSidecar = Files.writeString(dir.resolve(ImageCache.key("https://a.example/2.png") + ".type"), "image/png");
        Path foreign = Files.writeString(dir.resolve("README.txt"), "not ours");

        new ImageCache(dir, 1_000_000);

        assertThat(part).doesNotExist();
        assertThat(orphanSidecar).as("a sidecar whose image never arrived").doesNotExist();
        assertThat(foreign).as("files the cache did not write are left alone").exists();
    }

    @Test
    void anImageWhoseSidecarIsMissingOrCorruptIsServedWithTheTypeItsBytesShow() throws Exception {
        ImageCache cache = new ImageCache(dir, 1_000_000);
        cache.store("https://a.example/lost.png", PNG, "image/png");
        cache.store("https://a.example/garbled.jpg", JPEG, "image/jpeg");
        Files.delete(dir.resolve(ImageCache.key("https://a.example/lost.png") + ".type"));
        Files.write(dir.resolve(ImageCache.key("https://a.example/garbled.jpg") + ".type"), new byte[] {(byte) 0xFF, 0, 'x'});

        ImageCache restarted = new ImageCache(dir, 1_000_000);

        assertThat(restarted.read("https://a.example/lost.png")).hasValueSatisfying(c -> {
            assertThat(c.contentType()).isEqualTo("image/png");
            assertThat(c.bytes()).isEqualTo(PNG);
        });
        assertThat(restarted.read("https://a.example/garbled.jpg")).hasValueSatisfying(c -> assertThat(c.contentType()).isEqualTo("image/jpeg"));
    }

    @Test
    void aCachedFileThatIsNoImageIsDroppedSoItIsFetchedAgain() throws Exception {
        ImageCache cache = new ImageCache(dir, 1_000_000);
        cache.store("https://a.example/x.png", PNG, "image/png");
        Path file = dir.resolve(ImageCache.key("https://a.example/x.png"));
        Files.writeString(file, "<html>truncated by a full disk</html>", StandardCharsets.UTF_8);
        Files.delete(dir.resolve(ImageCache.key("https://a.example/x.png") + ".type"));

        assertThat(new ImageCache(dir, 1_000_000).read("https://a.example/x.png")).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void theServedOrderSurvivesARestartAndALowerCapIsAppliedAtStartup() throws Exception {
        ImageCache cache = new ImageCache(dir, 1_000_000);
        for (String name : new String[] {"old", "middle", "new"}) {
            cache.store("https://a.example/" + name + ".png", PNG, "image/png");
        }
        // as if "old" was served an hour ago and "middle" a minute ago, whatever the order they were written in
        Instant now = Instant.now();
        touch("old", now.minusSeconds(3600));
        touch("middle", now.minusSeconds(60));
        touch("new", now);
        long oneImage = PNG.length + "image/png".length();

        new ImageCache(dir, 2 * oneImage);

        assertThat(dir.resolve(ImageCache.key("https://a.example/old.png"))).doesNotExist();
        assertThat(dir.resolve(ImageCache.key("https://a.example/old.png") + ".type")).doesNotExist();
        assertThat(dir.resolve(ImageCache.key("https://a.example/middle.png"))).exists();
        assertThat(dir.resolve(ImageCache.key("https://a.example/new.png"))).exists();
    }

    @Test
    void anImageLargerThanTheWholeCapIsNotKept() throws Exception {
        ImageCache cache = new ImageCache(dir, 100);
        cache.store("https://a.example/huge.png", PNG, "image/png");
        assertThat(cache.read("https://a.example/huge.png")).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    void touch(String name, Instant when) throws Exception {
        Files.setLastModifiedTime(dir.resolve(ImageCache.key("https://a.example/" + name + ".png")), FileTime.from(when));
    }

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }
}

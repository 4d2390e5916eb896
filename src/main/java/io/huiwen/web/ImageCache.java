package io.huiwen.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetched images on disk, one file per image URL (named by its SHA-256) with a {@code .type}
 * sidecar holding the content type. The folder is kept under a size cap: the least recently
 * served images go first. Which were served last is kept in memory and in the files' modified
 * times, so the order survives a restart. Files appear only by atomic move from a {@code .part}
 * file; a crash leaves at most a {@code .part} or an orphan sidecar, both removed at startup.
 */
final class ImageCache {

    private static final Logger log = LoggerFactory.getLogger(ImageCache.class);
    private static final Pattern IMAGE_NAME = Pattern.compile("[0-9a-f]{64}");
    private static final String TYPE = ".type";
    private static final String PART = ".part";

    /** An image as served: its bytes and a raster content type. */
    record Cached(byte[] bytes, String contentType) {}

    private final Path dir;
    private final long maxBytes;
    /** Key → bytes on disk (image and sidecar), in access order: the head is the least recently served. */
    private final LinkedHashMap<String, Long> index = new LinkedHashMap<>(256, 0.75f, true);
    private long total;

    ImageCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            rebuild();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the image cache " + dir, e);
        }
    }

    /** The cached image for {@code src}, or empty if it is not cached (or its file turned out unreadable). */
    Optional<Cached> read(String src) {
        String key = key(src);
        synchronized (this) {
            if (index.get(key) == null) {
                return Optional.empty();
            }
        }
        Path file = dir.resolve(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            // the file system's time, not the Clock bean's: this mtime is compared with mtimes the file system wrote
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (NoSuchFileException e) {
            forget(key); // evicted meanwhile, or removed by hand
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Unreadable cached image {}: {}", file, e.toString());
            forget(key);
            return Optional.empty();
        }
        String type = contentType(key, bytes);
        if (type == null) {
            log.warn("Cached image {} is of no known raster type; it will be fetched again", file);
            forget(key);
            return Optional.empty();
        }
        return Optional.of(new Cached(bytes, type));
    }

    /**
     * Keeps an image, then removes the least recently served ones until the folder is under the
     * cap. An image larger than the whole cap is not kept.
     */
    void store(String src, byte[] bytes, String contentType) throws IOException {
        String key = key(src);
        byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
        long size = bytes.length + (long) type.length;
        if (size > maxBytes) {
            return;
        }
        // The sidecar first: a crash between the two moves leaves an orphan sidecar, never an image without one.
        moveInto(dir.resolve(key + TYPE), type, key);
        moveInto(dir.resolve(key), bytes, key);
        synchronized (this) {
            Long before = index.put(key, size);
            total += size - (before == null ? 0 : before);
            evictBeyondCap(key);
        }
    }

    /** Bytes on disk as the cache counts them. */
    synchronized long size() {
        return total;
    }

    static String key(String src) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(src.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void moveInto(Path target, byte[] content, String key) throws IOException {
        Path part = Files.createTempFile(dir, key, PART);
        try {
            Files.write(part, content);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void evictBeyondCap(String keep) {
        Iterator<Map.Entry<String, Long>> oldestFirst = index.entrySet().iterator();
        while (total > maxBytes && oldestFirst.hasNext()) {
            Map.Entry<String, Long> entry = oldestFirst.next();
            if (entry.getKey().equals(keep)) {
                continue;
            }
            delete(entry.getKey());
            total -= entry.getValue();
            oldestFirst.remove();
        }
    }

    private synchronized void forget(String key) {
        Long size = index.remove(key);
        if (size != null) {
            total -= size;
            delete(key);
        }
    }

    private void delete(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key));
            Files.deleteIfExists(dir.resolve(key + TYPE));
        } catch (IOException e) {
            log.warn("Could not remove cached image {}: {}", key, e.toString());
        }
    }

    /** The sidecar's type when it is a raster type we pass on, else what the bytes say they are. */
    private String contentType(String key, byte[] bytes) {
        try {
            String type = Files.readString(dir.resolve(key + TYPE), StandardCharsets.UTF_8).strip();
            if (RasterImage.TYPES.contains(type)) {
                return type;
            }
        } catch (IOException | RuntimeException e) {
            // missing or unreadable sidecar: the bytes decide
        }
        return RasterImage.sniff(bytes);
    }

    /** Startup: drop leftovers of interrupted writes, index what is there, oldest served first, and apply the cap. */
    private synchronized void rebuild() throws IOException {
        record Found(String key, long size, long modified) {}
        List<Found> found = new ArrayList<>();
        List<Path> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.toList();
        }
        for (Path file : all) {
            String name = file.getFileName().toString();
            if (name.endsWith(PART)) {
                Files.deleteIfExists(file);
            } else if (name.endsWith(TYPE) && IMAGE_NAME.matcher(name.substring(0, name.length() - TYPE.length())).matches()) {
                if (!Files.exists(dir.resolve(name.substring(0, name.length() - TYPE.length())))) {
                    Files.deleteIfExists(file);
                }
            } else if (IMAGE_NAME.matcher(name).matches() && Files.isRegularFile(file)) {
                Path sidecar = dir.resolve(name + TYPE);
                long size = Files.size(file) + (Files.exists(sidecar) ? Files.size(sidecar) : 0);
                found.add(new Found(name, size, Files.getLastModifiedTime(file).toMillis()));
            }
        }
        found.sort(Comparator.comparingLong(Found::modified));
        for (Found f : found) {
            index.put(f.key(), f.size());
            total += f.size();
        }
        evictBeyondCap(null);
        log.info("Image cache {}: {} images, {} bytes (cap {})", dir, index.size(), total, maxBytes);
    }
}

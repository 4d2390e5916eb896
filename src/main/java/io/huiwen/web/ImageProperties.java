package io.huiwen.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the image proxy fetches and keeps article images ({@code huiwen.images.*}), defaults in one place.
 *
 * @param cacheMaxBytes  the image folder under the data directory is kept under this size; least recently served go first
 * @param maxImageBytes  a larger image is refused (502)
 * @param readerWait     longest a reader waits for an image that is still being fetched; then 503 with Retry-After
 * @param failureTtl     how long a failed image is answered 502 at once, without asking the outlet again
 * @param fetchThreads   images fetched at once
 * @param fetchQueue     images waiting for a fetch thread; beyond that a reader gets 503 and no fetch starts
 */
@ConfigurationProperties("huiwen.images")
public record ImageProperties(
        @DefaultValue("512MB") DataSize cacheMaxBytes,
        @DefaultValue("10MB") DataSize maxImageBytes,
        @DefaultValue("1s") Duration readerWait,
        @DefaultValue("10m") Duration failureTtl,
        @DefaultValue("3") int fetchThreads,
        @DefaultValue("200") int fetchQueue) {

    /** The defaults, for code and tests that run without Spring. */
    public static ImageProperties defaults() {
        return new ImageProperties(DataSize.ofMegabytes(512), DataSize.ofMegabytes(10), Duration.ofSeconds(1),
                Duration.ofMinutes(10), 3, 200);
    }
}

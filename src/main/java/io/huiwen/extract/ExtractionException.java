package io.huiwen.extract;

import java.util.Optional;

/** An input could not be turned into an article; the message is one line a user can act on. */
public class ExtractionException extends Exception {
    private final UnreadableInput unreadable;

    public ExtractionException(String message) {
        this(null, message, null);
    }

    public ExtractionException(String message, Throwable cause) {
        this(null, message, cause);
    }

    ExtractionException(UnreadableInput unreadable, String message, Throwable cause) {
        super(message, cause);
        this.unreadable = unreadable;
    }

    /** Why the bytes were not a page at all (empty, binary, too large, broken gzip); empty when they were read. */
    public Optional<UnreadableInput> unreadable() {
        return Optional.ofNullable(unreadable);
    }
}

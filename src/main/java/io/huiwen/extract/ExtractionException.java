package io.huiwen.extract;

/** An input could not be turned into an article; the message is one line a user can act on. */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}

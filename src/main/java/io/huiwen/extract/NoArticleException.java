package io.huiwen.extract;

/** The input was read but holds no article (a list page, a 404 page, an empty or binary file). */
public class NoArticleException extends ExtractionException {
    public NoArticleException(String message) {
        super(message);
    }

    NoArticleException(UnreadableInput unreadable, String message) {
        super(unreadable, message, null);
    }
}

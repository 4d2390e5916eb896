package io.huiwen.api;

/** Something the call needs (the search index) is failing for now: 503 with {@code Retry-After}, the message as the error. */
class ApiUnavailableException extends RuntimeException {

    ApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

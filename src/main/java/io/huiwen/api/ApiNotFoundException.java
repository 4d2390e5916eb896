package io.huiwen.api;

class ApiNotFoundException extends RuntimeException {
    ApiNotFoundException(String message) {
        super(message);
    }
}

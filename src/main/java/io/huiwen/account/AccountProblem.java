package io.huiwen.account;

/**
 * Why a change to a user or token was refused, in words an editor reads (简体中文); the kind says
 * which HTTP status the API answers with.
 */
public class AccountProblem extends RuntimeException {

    /** Invalid input (400), a name already taken (409), nothing with that id (404), not allowed (403). */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN }

    private final Kind kind;

    AccountProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static AccountProblem invalid(String message) {
        return new AccountProblem(Kind.INVALID, message);
    }

    static AccountProblem conflict(String message) {
        return new AccountProblem(Kind.CONFLICT, message);
    }

    static AccountProblem notFound(String message) {
        return new AccountProblem(Kind.NOT_FOUND, message);
    }

    static AccountProblem forbidden(String message) {
        return new AccountProblem(Kind.FORBIDDEN, message);
    }
}

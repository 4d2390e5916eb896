package io.huiwen.api;

import io.huiwen.account.AccountProblem;
import io.huiwen.api.ApiModels.Error;
import io.huiwen.article.DatabaseUnavailable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every API failure as {@code {"error": "..."}} with a fitting status. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({ApiNotFoundException.class, io.huiwen.article.SourceCatalog.SourceNotFoundException.class})
    ResponseEntity<Error> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Error(e.getMessage()));
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class})
    ResponseEntity<Error> badRequest(Exception e) {
        String message = e instanceof org.springframework.http.converter.HttpMessageNotReadableException
                ? "the request body is not valid JSON for this call" : e.getMessage();
        return ResponseEntity.badRequest().body(new Error(message));
    }

    /** The database is unreachable or no connection came free in time; a failure of one query stays a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Error> databaseUnavailable(RuntimeException e) {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        return unavailable("the database is unavailable; try again in a moment");
    }

    @ExceptionHandler(ApiUnavailableException.class)
    ResponseEntity<Error> unavailable(ApiUnavailableException e) {
        return unavailable(e.getMessage());
    }

    private static ResponseEntity<Error> unavailable(String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(new Error(message));
    }

    /** A refused change to a user or token, with its reason in 简体中文. */
    @ExceptionHandler(AccountProblem.class)
    ResponseEntity<Error> account(AccountProblem e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return ResponseEntity.status(status).body(new Error(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Error> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new Error("invalid value for parameter '" + e.getName() + "'"));
    }
}

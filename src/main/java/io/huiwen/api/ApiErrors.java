package io.huiwen.api;

import io.huiwen.api.ApiModels.Error;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Error> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(new Error("invalid value for parameter '" + e.getName() + "'"));
    }
}

package io.hotline.infra.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import org.springframework.web.server.ServerWebInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every failure answers {@code application/problem+json}: the caller's mistakes as 4xx naming the field and
 * the rule it broke, never a stack trace. Field errors are listed under {@code errors} as
 * {@code {"field": ..., "reason": ...}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e, HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          ServerWebExchange exchange) {
        return Mono.just(widen(invalid(e)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e, HttpHeaders headers,
                                                                         HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        return Mono.just(widen(unreadable(e)));
    }

    /** A path variable or parameter broke its constraint ({@code caseId} not shaped like a case id). */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "reason", String.valueOf(error.getDefaultMessage()))))
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        return Mono.just(widen(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + fields,
                errors)));
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(ProblemDetailsAdvice::describe)
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: " + fields, errors);
    }

    private static Map<String, String> describe(FieldError error) {
        return Map.of("field", error.getField(),
                "reason", String.valueOf(error.getDefaultMessage()));
    }

    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonMappingException) && cause.getCause() != cause) {
            if (cause instanceof DecodingException && cause.getCause() instanceof JsonMappingException) {
                cause = cause.getCause();
                break;
            }
            cause = cause.getCause();
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String reason = reasonFor(mapping);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                    List.of(Map.of("field", field, "reason", reason)));
        }
        MethodParameter parameter = e.getMethodParameter();
        if (parameter != null && e.getCause() instanceof TypeMismatchException mismatch) {
            String field = String.valueOf(parameter.getParameterName());
            String reason = "must be " + (mismatch.getRequiredType() == null ? "of another type"
                    : "a " + mismatch.getRequiredType().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                    List.of(Map.of("field", field, "reason", reason)));
        }
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)
                && String.valueOf(e.getReason()).contains("No request body")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "body: a JSON body is required",
                    List.of(Map.of("field", "body", "reason", "a JSON body is required")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON", List.of());
    }

    private static String reasonFor(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (mapping instanceof TextWithoutControls.Refused) {
            return ControlCharacters.REASON;
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be of type " + mismatched.getTargetType().getSimpleName();
        }
        return "cannot be read";
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; nothing was acknowledged.", List.of());
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
                                                 List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

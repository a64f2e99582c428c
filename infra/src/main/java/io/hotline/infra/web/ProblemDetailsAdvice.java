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
import java.util.Locale;
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
        return Mono.just(widen(invalid(e, locale(exchange))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e, HttpHeaders headers,
                                                                         HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        return Mono.just(widen(unreadable(e, locale(exchange))));
    }

    /** A path variable or parameter broke its constraint ({@code caseId} not shaped like a case id). */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "reason", LocalizedReasons.reason(String.valueOf(error.getDefaultMessage()),
                                locale(exchange)))))
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        return Mono.just(widen(problem(HttpStatus.BAD_REQUEST, "Invalid request",
                LocalizedReasons.invalidFields(fields, locale(exchange)), errors)));
    }

    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    /** The request's first language; English without one (never the server's own default, which varies). */
    private static Locale locale(ServerWebExchange exchange) {
        try {
            List<Locale> asked = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
            return asked.isEmpty() ? Locale.ENGLISH : asked.get(0);
        } catch (IllegalArgumentException unreadable) {
            return Locale.ENGLISH;
        }
    }

    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e, Locale locale) {
        List<Map<String, String>> errors = e.getFieldErrors().stream()
                .map(error -> describe(error, locale))
                .toList();
        String fields = errors.stream().map(error -> error.get("field")).distinct().collect(Collectors.joining(", "));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", LocalizedReasons.invalidFields(fields, locale),
                errors);
    }

    /** The field, the reason in the request's language, the rule (the constraint's name) and its limits. */
    private static Map<String, String> describe(FieldError error, Locale locale) {
        Map<String, String> described = new java.util.LinkedHashMap<>();
        described.put("field", error.getField());
        described.put("reason", LocalizedReasons.reason(error, locale));
        described.put("rule", String.valueOf(error.getCode()));
        described.putAll(LocalizedReasons.limits(error));
        return described;
    }

    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, Locale locale) {
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
            String reason = LocalizedReasons.reason(reasonFor(mapping), locale);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                    List.of(Map.of("field", field, "reason", reason)));
        }
        MethodParameter parameter = e.getMethodParameter();
        if (parameter != null && e.getCause() instanceof TypeMismatchException mismatch) {
            String field = String.valueOf(parameter.getParameterName());
            String reason = LocalizedReasons.reason("must be " + (mismatch.getRequiredType() == null
                    ? "of another type" : "a " + mismatch.getRequiredType().getSimpleName()), locale);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + reason,
                    List.of(Map.of("field", field, "reason", reason)));
        }
        if (parameter != null && parameter.hasParameterAnnotation(RequestBody.class)
                && String.valueOf(e.getReason()).contains("No request body")) {
            String reason = LocalizedReasons.reason("a JSON body is required", locale);
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", "body: " + reason,
                    List.of(Map.of("field", "body", "reason", reason)));
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

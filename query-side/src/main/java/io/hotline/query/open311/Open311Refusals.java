package io.hotline.query.open311;

import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every failure of the Open311 reads answers the standard's error list in the format the path named: the app's
 * mistakes as 400 (404 for what does not exist), never a 500 for what a caller sent. Only these controllers are
 * covered (the intake has its own advice); the rest of the API keeps answering problem+json.
 */
@RestControllerAdvice(assignableTypes = {ServicesController.class, RequestsController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Refusals {

    private static final Logger log = LoggerFactory.getLogger(Open311Refusals.class);

    @ExceptionHandler(Open311Refusal.class)
    ResponseEntity<String> refused(Open311Refusal refusal, ServerWebExchange exchange) {
        return Open311Answers.refused(format(exchange), refusal);
    }

    /** A request WebFlux could not read: answered in the same words as the intake answers it. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<String> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        return Open311Answers.refused(format(exchange), new Open311Refusal(HttpStatus.BAD_REQUEST.value(), "body",
                "not a readable application/x-www-form-urlencoded form"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("Unexpected failure answering an Open311 request", e);
        return Open311Answers.refused(format(exchange), new Open311Refusal(
                HttpStatus.INTERNAL_SERVER_ERROR.value(), "service",
                "the request could not be completed; nothing was acknowledged"));
    }

    private static Format format(ServerWebExchange exchange) {
        return Format.ofPath(exchange.getRequest().getPath().pathWithinApplication().value());
    }
}

package io.hotline.query.figures.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;

/**
 * A query parameter the figures cannot answer: 400 {@code application/problem+json} in the application's
 * shape ({@code detail} says what is wrong, {@code errors} lists {@code {"field", "reason"}}). The content type
 * is fixed here because a caller of the live stream asks for {@code text/event-stream}, which would otherwise
 * wrap the problem in an event.
 */
final class InvalidFigureParameter extends ResponseStatusException {

    InvalidFigureParameter(String parameter, String reason) {
        super(HttpStatus.BAD_REQUEST, parameter + ": " + reason);
        getBody().setTitle("Invalid request");
        getBody().setProperty("errors", List.of(Map.of("field", parameter, "reason", reason)));
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}

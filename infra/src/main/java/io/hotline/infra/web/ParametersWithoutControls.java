package io.hotline.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters and path segments holding {@link ControlCharacters} ({@code ?q=%00}) are refused with 400 naming
 * the parameter, before any handler sees them: a problem under {@code /api/}, a GeoReport error list under
 * {@code /open311/}. (JSON bodies are checked as they are read, by {@link TextWithoutControls}.)
 */
@Component
class ParametersWithoutControls implements WebFilter {

    private final ObjectMapper json;

    ParametersWithoutControls(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> offending = offending(exchange.getRequest());
        return offending.isPresent() ? refuse(exchange, offending.get()) : chain.filter(exchange);
    }

    private static Optional<String> offending(ServerHttpRequest request) {
        if (ControlCharacters.foundIn(request.getPath().value())) {
            return Optional.of("path");
        }
        return request.getQueryParams().entrySet().stream()
                .filter(parameter -> ControlCharacters.foundIn(parameter.getKey())
                        || parameter.getValue().stream().anyMatch(v -> v != null && ControlCharacters.foundIn(v)))
                .map(parameter -> ControlCharacters.foundIn(parameter.getKey()) ? "parameter name"
                        : parameter.getKey())
                .findFirst();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String field) {
        String detail = field + ": " + ControlCharacters.REASON;
        return EdgeAnswers.isOpen311(exchange)
                ? EdgeAnswers.geoReportError(exchange, json, HttpStatus.BAD_REQUEST, detail)
                : EdgeAnswers.problem(exchange, json, HttpStatus.BAD_REQUEST, "Invalid request", detail,
                        List.of(Map.of("field", field, "reason", ControlCharacters.REASON)));
    }
}

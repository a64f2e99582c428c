package io.hotline.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Error;
import io.hotline.kernel.open311.Open311Xml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
        ServerHttpResponse response = exchange.getResponse();
        String path = exchange.getRequest().getPath().value();
        String detail = field + ": " + ControlCharacters.REASON;
        byte[] body;
        MediaType type;
        try {
            if (path.startsWith("/open311/")) {
                Format format = Format.ofPath(path);
                List<Open311Error> errors = List.of(new Open311Error(400, detail));
                body = format == Format.XML
                        ? Open311Xml.write("errors", json.convertValue(errors, Object.class))
                                .getBytes(StandardCharsets.UTF_8)
                        : json.writeValueAsBytes(errors);
                type = MediaType.parseMediaType(format.contentType());
            } else {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "about:blank");
                problem.put("title", "Invalid request");
                problem.put("status", 400);
                problem.put("detail", detail);
                problem.put("instance", path.replaceAll("\\p{Cntrl}", "?"));
                problem.put("errors", List.of(Map.of("field", field, "reason", ControlCharacters.REASON)));
                body = json.writeValueAsBytes(problem);
                type = MediaType.APPLICATION_PROBLEM_JSON;
            }
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(type);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

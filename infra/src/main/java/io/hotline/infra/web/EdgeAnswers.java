package io.hotline.infra.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Error;
import io.hotline.kernel.open311.Open311Xml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of refusals decided before a controller runs (web filters, the security edge), written straight to
 * the response in the shape of the API the request was for: {@code application/problem+json}, or under
 * {@code /open311/} a GeoReport v2 error list in the format the path's suffix names. The controllers' own refusals
 * come out the same through {@code ProblemDetailsAdvice} and the Open311 answers.
 */
public final class EdgeAnswers {

    private EdgeAnswers() {
    }

    /** Whether a refusal of this request is answered the GeoReport way. */
    public static boolean isOpen311(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/open311/");
    }

    /**
     * A problem answer; {@code errors} lists {@code {"field","reason"}} pairs (none: left out). The instance is the
     * request's path with any control character shown as {@code ?}.
     */
    public static Mono<Void> problem(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String title,
                                     String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value().replaceAll("\\p{Cntrl}", "?"));
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        try {
            return write(exchange, status, MediaType.APPLICATION_PROBLEM_JSON, json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    /** A GeoReport v2 error list of one error, in the format the request's path names. */
    public static Mono<Void> geoReportError(ServerWebExchange exchange, ObjectMapper json, HttpStatus status,
                                            String description) {
        Format format = Format.ofPath(exchange.getRequest().getPath().value());
        List<Open311Error> errors = List.of(new Open311Error(status.value(), description));
        try {
            byte[] body = format == Format.XML
                    ? Open311Xml.write("errors", json.convertValue(errors, Object.class)).getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(errors);
            return write(exchange, status, MediaType.parseMediaType(format.contentType()), body);
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(type);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

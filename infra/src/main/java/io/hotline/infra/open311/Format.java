package io.hotline.infra.open311;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * The two answer formats GeoReport v2 requires, chosen by the path's suffix ({@code services.json},
 * {@code services.xml}) as the standard does, never by the {@code Accept} header.
 */
enum Format {
    JSON(MediaType.parseMediaType("application/json;charset=UTF-8")),
    XML(MediaType.parseMediaType("text/xml;charset=UTF-8"));

    private final MediaType mediaType;

    Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format a path suffix names; anything else is refused (in JSON, the format nobody asked against). */
    static Format of(String suffix) {
        if ("json".equals(suffix)) {
            return JSON;
        }
        if ("xml".equals(suffix)) {
            return XML;
        }
        throw new Open311Refusal(HttpStatus.NOT_FOUND, "format", "the format must be .json or .xml");
    }

    /** The format of the path an exchange asked for; JSON when it names none (for refusals). */
    static Format of(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.endsWith(".xml") ? XML : JSON;
    }
}

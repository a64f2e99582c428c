package io.hotline.kernel.open311;

/**
 * The two answer formats GeoReport v2 requires, chosen by the path's suffix ({@code services.json},
 * {@code services.xml}) as the standard does, never by the {@code Accept} header.
 */
public enum Format {
    JSON("application/json;charset=UTF-8"),
    XML("text/xml;charset=UTF-8");

    private static final int NOT_FOUND = 404;

    private final String contentType;

    Format(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} of an answer in this format. */
    public String contentType() {
        return contentType;
    }

    /** The format a path suffix names; anything else is refused (in JSON, the format nobody asked against). */
    public static Format of(String suffix) {
        if ("json".equals(suffix)) {
            return JSON;
        }
        if ("xml".equals(suffix)) {
            return XML;
        }
        throw new Open311Refusal(NOT_FOUND, "format", "the format must be .json or .xml");
    }

    /** The format of a request path; JSON when it names none (for refusals). */
    public static Format ofPath(String path) {
        return path.endsWith(".xml") ? XML : JSON;
    }
}

package io.hotline.query.audit;

/**
 * A small writer for the printable documents. Every piece of text goes through {@link #text}, which escapes the
 * five characters that matter in element content and attribute values, so a case title such as
 * {@code <script>…</script>} prints as text. Markup comes only from the string literals of this package. The
 * documents load nothing from outside (no scripts, fonts or images; styles inline), and are served with a
 * Content-Security-Policy that forbids it anyway.
 */
public final class Html {

    /** For the response: nothing but the inline styles may load or run. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    /** Print styles shared by the documents: A4, a repeated table head, no row split across pages. */
    public static final String PRINT_STYLE = """
            @page { size: A4; margin: 16mm 14mm; }
            body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", SimSun, sans-serif;
                   font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 190mm; }
            h1 { font-size: 16pt; margin: 0 0 4mm; }
            h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #444; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #777; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
            th { background: #eee; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; break-inside: avoid; }
            dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 0; }
            dl.summary dt { font-weight: bold; }
            dl.summary dd { margin: 0; }
            .mono { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
            .ok { color: #0a5c0a; font-weight: bold; }
            .broken { color: #a00; font-weight: bold; }
            .below { color: #a00; font-weight: bold; }
            .num { text-align: right; }
            footer { margin-top: 6mm; font-size: 9pt; color: #333; }
            @media print { a { color: inherit; text-decoration: none; } }
            """;

    private final StringBuilder out = new StringBuilder(8192);

    /** Starts a document with its (escaped) title and the print styles. */
    public static Html document(String title) {
        Html html = new Html();
        html.out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(PRINT_STYLE).append("</style>\n</head>\n<body>\n");
        return html;
    }

    /** Markup from this package's literals, never from data. */
    public Html tag(String markup) {
        out.append(markup);
        return this;
    }

    /** Escaped text; null prints as a dash. */
    public Html text(Object value) {
        out.append(value == null ? "-" : escape(String.valueOf(value)));
        return this;
    }

    /** {@code <tag class="…">text</tag>} with the text escaped. */
    public Html element(String tag, String cssClass, Object value) {
        out.append('<').append(tag);
        if (cssClass != null) {
            out.append(" class=\"").append(escape(cssClass)).append('"');
        }
        out.append('>');
        text(value);
        out.append("</").append(tag).append(">");
        return this;
    }

    public Html cell(Object value) {
        return element("td", null, value);
    }

    public Html cell(String cssClass, Object value) {
        return element("td", cssClass, value);
    }

    /** A term and its description in a summary list. */
    public Html term(String term, Object value) {
        return element("dt", null, term).element("dd", null, value);
    }

    public String finish() {
        return out.append("</body>\n</html>\n").toString();
    }

    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

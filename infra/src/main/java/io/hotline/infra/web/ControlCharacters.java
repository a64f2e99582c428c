package io.hotline.infra.web;

/**
 * The characters no text the hotline takes may hold: the C0 controls except tab, line feed and carriage return,
 * DEL, and the C1 controls. They have no business in a name, an address or a complaint, they reach the store and
 * the logs as they are (a NUL inside a search pattern failed the search with a 500), and some of them hide text from
 * a reader.
 */
final class ControlCharacters {

    static final String REASON = "must not contain control characters";

    private ControlCharacters() {
    }

    static boolean foundIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean forbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}

package io.hotline.infra.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text as SMS short messages in UCS-2 (every Chinese text needs it): one message of up to 70 characters, or
 * parts of 67 with a concatenation header (UDH: IEI 00, 8-bit reference) that the handset joins again. A part
 * never ends between the two halves of a surrogate pair.
 */
final class SmsSegments {

    static final int SINGLE = 70;
    static final int PART = 67;

    private SmsSegments() {
    }

    /** The short messages' bytes; more than one: each starts with its UDH. */
    static List<byte[]> of(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(start + PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        List<byte[]> messages = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] message = new byte[6 + body.length];
            message[0] = 0x05; // UDH length
            message[1] = 0x00; // concatenated short messages, 8-bit reference
            message[2] = 0x03;
            message[3] = (byte) reference;
            message[4] = (byte) parts.size();
            message[5] = (byte) (i + 1);
            System.arraycopy(body, 0, message, 6, body.length);
            messages.add(message);
        }
        return messages;
    }
}

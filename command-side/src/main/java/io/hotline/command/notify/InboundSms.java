package io.hotline.command.notify;

/**
 * A message from a citizen's phone, as a gateway received it: its id there (so a redelivery is handled once),
 * the sender's number, the text (null when it came as binary data). {@code toString} withholds number and text.
 */
public record InboundSms(String source, String messageId, String from, String text) {

    @Override
    public String toString() {
        return "InboundSms[" + source + ":" + messageId + ", number and text withheld]";
    }
}

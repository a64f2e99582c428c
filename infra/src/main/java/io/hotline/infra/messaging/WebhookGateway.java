package io.hotline.infra.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.command.notify.MessageGateway;
import io.hotline.command.notify.WebhookSignatures;
import io.hotline.kernel.citizen.NotificationChannel;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * SMS through the city message platform (or a cloud SMS provider's API behind it): a JSON POST
 * {@code {"notificationId","to","text"}} signed with HMAC-SHA256 over the timestamp and the body
 * ({@link WebhookSignatures}), so the platform can tell the call is the hotline's and fresh. A 2xx answer is
 * accepted (its {@code messageId}, if any, kept); a 4xx is a refusal not worth repeating; anything else is retried.
 */
class WebhookGateway implements MessageGateway {

    static final String NAME = "webhook";

    private final URI url;
    private final WebhookSignatures signatures;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookGateway(String url, String secret, ObjectMapper json, Clock clock) {
        this.url = URI.create(url);
        this.signatures = new WebhookSignatures(secret);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("notificationId", message.notificationId(),
                    "to", message.address(), "text", message.text()));
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignatures.TIMESTAMP_HEADER, timestamp)
                    .header(WebhookSignatures.SIGNATURE_HEADER, signatures.sign(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Delivery.accepted(messageIdIn(response.body()));
            }
            return Delivery.refused("webhook answered " + status, status / 100 == 4 && status != 408 && status != 429);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.refused("webhook interrupted", false);
        } catch (Exception e) {
            return Delivery.refused("webhook unreachable (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    private String messageIdIn(String body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer != null && answer.path("messageId").isTextual() ? answer.get("messageId").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}

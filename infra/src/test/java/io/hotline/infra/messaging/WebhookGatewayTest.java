package io.hotline.infra.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hotline.command.notify.MessageGateway.Delivery;
import io.hotline.command.notify.MessageGateway.OutgoingMessage;
import io.hotline.command.notify.WebhookSignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message platform's webhook against a real HTTP server (the JDK's): each call carries a timestamp and the
 * HMAC-SHA256 of timestamp and body, which the platform can check with the shared secret; 2xx is accepted, 4xx a
 * refusal not worth repeating, 5xx retried. And SMS parts: a long Chinese text is split, each part under 140 bytes.
 */
class WebhookGatewayTest {

    record Call(String timestamp, String signature, byte[] body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            calls.add(new Call(exchange.getRequestHeaders().getFirst(WebhookSignatures.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignatures.SIGNATURE_HEADER),
                    exchange.getRequestBody().readAllBytes()));
            byte[] reply = "{\"messageId\":\"platform-77\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private WebhookGateway gateway() {
        return new WebhookGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/sms", "shared-secret",
                new ObjectMapper(), Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aMessageIsPostedSignedOverTimestampAndBody() throws Exception {
        Delivery delivery = gateway().send(new OutgoingMessage("n-1", "13800138000", "s", "【12345】您的诉求已受理"));
        assertThat(delivery.accepted()).isTrue();
        assertThat(delivery.gatewayMessageId()).isEqualTo("platform-77");
        Call call = calls.get(0);
        assertThat(call.timestamp()).isEqualTo(Long.toString(Instant.parse("2026-11-23T01:00:00Z").getEpochSecond()));
        assertThat(new WebhookSignatures("shared-secret").verify(call.timestamp(), call.body(), call.signature())).isTrue();
        assertThat(new WebhookSignatures("another-secret").verify(call.timestamp(), call.body(), call.signature())).isFalse();
        assertThat(new ObjectMapper().readTree(call.body()).path("text").asText()).isEqualTo("【12345】您的诉求已受理");
    }

    @Test
    void aClientErrorIsFinalAndAServerErrorIsRetried() {
        answer.set(422);
        Delivery refused = gateway().send(new OutgoingMessage("n-2", "13800138000", "s", "x"));
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.permanent()).isTrue();
        answer.set(503);
        Delivery unavailable = gateway().send(new OutgoingMessage("n-3", "13800138000", "s", "x"));
        assertThat(unavailable.permanent()).isFalse();
        assertThat(unavailable.reason()).isEqualTo("webhook answered 503").doesNotContain("13800138000");
    }

    @Test
    void aLongChineseTextIsSplitIntoConcatenatedParts() {
        String text = "【12345】您的诉求已答复".repeat(8);
        List<byte[]> parts = SmsSegments.of(text, 7);
        assertThat(parts).hasSize((text.length() + SmsSegments.PART - 1) / SmsSegments.PART);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            byte[] part = parts.get(i);
            assertThat(part.length).isLessThanOrEqualTo(140);
            assertThat(new byte[]{part[0], part[1], part[2], part[3], part[4], part[5]})
                    .containsExactly(5, 0, 3, 7, parts.size(), i + 1);
            joined.append(new String(part, 6, part.length - 6, StandardCharsets.UTF_16BE));
        }
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(SmsSegments.of("短信", 1)).hasSize(1);
    }
}

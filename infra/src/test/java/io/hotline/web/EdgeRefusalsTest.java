package io.hotline.web;

import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before the app reads them have the body of their API, as every other refusal does: too large to
 * read (problem+json), or refused by the firewall (problem+json, and GeoReport errors under {@code /open311/}). The
 * request line is long enough for an Open311 client polling its open reports in one request (FixMyStreet asks for
 * all of them at once).
 * Sent over a raw socket: an HTTP client library would shorten or refuse such requests itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeRefusalsTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("hotline-oversized").toString();
        registry.add("app.data-dir", () -> dir);
        TestAccounts.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anOpen311PollForAThousandReportsIsAnswered() throws IOException {
        String ids = IntStream.rangeClosed(1, 1000).mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
        String answer = exchange("GET /open311/v2/requests.json?service_request_id=" + ids + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");

        assertThat(ids.length()).isGreaterThan(36_000);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).endsWith("[]");
    }

    @Test
    void aRequestLineOverTheLimitIsRefusedWithAProblem() throws IOException {
        String answer = exchange("GET /api/v1/cases?q=" + "a".repeat(70_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 414");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json", "connection: close");
        assertThat(answer).contains("\"status\":414", "\"detail\":\"request line: longer than 65536 bytes\"");
    }

    @Test
    void headersOverTheLimitAreRefusedWithAProblem() throws IOException {
        String answer = exchange("GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431");
        assertThat(answer).contains("\"status\":431", "\"detail\":\"headers: more than 8192 bytes\"");
    }

    @Test
    void theFirewallRefusesUnderOpen311WithGeoReportErrors() throws IOException {
        String json = exchange("GET /open311/v2/requests/a%2F..%2Fb.json HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String xml = exchange("GET /open311/v2/requests/a%2F..%2Fb.xml HTTP/1.1\r\nHost: localhost\r\n\r\n");
        String api = exchange("GET /api/v1/cases/a%2F..%2Fb HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(json).startsWith("HTTP/1.1 400").contains("[{\"code\":400,\"description\":\"path: not acceptable");
        assertThat(xml).startsWith("HTTP/1.1 400")
                .contains("<errors><error><code>400</code><description>path: not acceptable");
        assertThat(api).startsWith("HTTP/1.1 400").contains("\"status\":400", "\"detail\":\"path: not acceptable");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server may answer and close before it has read everything: the answer is still there
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            return read.toString(StandardCharsets.UTF_8);
        }
    }
}

package io.hotline.query;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit's inbox over HTTP: ordering, colours at the pinned clock, scoping, and the live stream. */
class InboxApiTest extends QueryTestSupport {

    private static String unit(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inbox(String unit) {
        return http.get().uri("/api/v1/inbox?unit={unit}", unit).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> inbox) {
        return (List<Map<String, Object>>) inbox.get("items");
    }

    private void awaitView(CaseScript story) {
        http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
    }

    @Test
    void openCasesComeNearestDeadlineFirstWithTheirColours() {
        String unit = unit("WATER");
        Duration warn = Duration.ofHours(8);
        Duration due = Duration.ofHours(10);
        // all three dispatched at T0+1h; sign-for deadlines differ by their length
        CaseScript red = story("ib-red-" + unit).registered("N-RED", "370602")
                .deadlines(Duration.ofHours(1), Duration.ofHours(2)).dispatched(unit);
        CaseScript green = story("ib-green-" + unit).registered("N-GREEN", "370602")
                .deadlines(warn.multipliedBy(3), due.multipliedBy(3)).dispatched(unit);
        CaseScript yellow = story("ib-yellow-" + unit).registered("N-YELLOW", "370602")
                .deadlines(warn, due).dispatched(unit);
        CaseScript registeredOnly = story("ib-reg-" + unit).registered("N-REG", "370602");
        CaseScript replied = story("ib-done-" + unit).registered("N-DONE", "370602").dispatched(unit)
                .signedFor(unit).replied(unit);
        List.of(red, green, yellow, registeredOnly, replied).forEach(this::awaitView);

        clock.set(T0.plus(Duration.ofHours(1)).plus(Duration.ofHours(9)));
        Map<String, Object> answer = inbox(unit);

        assertThat(items(answer)).extracting(item -> item.get("caseNumber") + ":" + item.get("warning"))
                .containsExactly("N-RED:RED", "N-YELLOW:YELLOW", "N-GREEN:GREEN");
        assertThat(answer).containsEntry("total", 3).containsEntry("red", 1).containsEntry("yellow", 1)
                .containsEntry("unit", unit);
        assertThat(items(answer).get(0)).containsEntry("role", "LEAD").containsEntry("deadlineKind", "SIGN_FOR")
                .containsEntry("status", "DISPATCHED");

        clock.set(T0);
        assertThat(items(inbox(unit))).extracting(item -> item.get("warning"))
                .containsExactly("GREEN", "GREEN", "GREEN");
    }

    @Test
    void aUnitHandlerAlwaysGetsTheirOwnInbox() {
        String mine = unit("MINE");
        String theirs = unit("THEIRS");
        CaseScript own = story("ib-own-" + mine).registered("N-OWN", "370602").dispatched(mine);
        CaseScript other = story("ib-other-" + theirs).registered("N-OTHER", "370602").dispatched(theirs);
        awaitView(own);
        awaitView(other);

        readers.actAs(CaseScript.handler(mine));
        Map<String, Object> answer = inbox(theirs);

        assertThat(answer).containsEntry("unit", mine);
        assertThat(items(answer)).extracting(item -> item.get("caseNumber")).containsExactly("N-OWN");
    }

    @Test
    void anOperatorMustNameTheUnit() {
        http.get().uri("/api/v1/inbox").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theStreamSendsTheInboxAgainWhenACaseArrives() {
        String unit = unit("LIVE");
        Flux<ServerSentEvent<Map<String, Object>>> stream = http.get().uri("/api/v1/inbox/stream?unit={u}", unit)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null);

        StepVerifier.create(stream)
                .assertNext(first -> assertThat(first.data()).containsEntry("total", 0))
                .then(() -> story("ib-live-" + unit).registered("N-LIVE", "370602").dispatched(unit))
                .assertNext(next -> {
                    assertThat(next.event()).isEqualTo("inbox");
                    assertThat(items(next.data())).extracting(item -> item.get("caseNumber"))
                            .containsExactly("N-LIVE");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }
}

package io.hotline.query;

import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordination board's lists over HTTP: cases enter and leave each list as their events come, rows carry what
 * the board shows and acts on, lists come in pages in their order, and only the roles that act on a list read it.
 * The lists are the whole app's, shared with the other tests of this context, so each test looks for its own
 * cases in them.
 */
class BoardApiTest extends QueryTestSupport {

    @Autowired
    ApplicationContext context;
    /** Passes the web edge for every list (operator, coordinator, supervisor); the query side sees {@code readers}. */
    private WebTestClient desk;

    @BeforeEach
    void signInAtTheDesk() {
        desk = TestAccounts.client(context, "board-desk", "HOTLINE", Role.OPERATOR, Role.COORDINATOR,
                Role.SUPERVISOR).mutate().responseTimeout(Duration.ofSeconds(30)).build();
        readers.actAs(Actor.of("board-desk", "HOTLINE", Role.OPERATOR, Role.COORDINATOR,
                Role.SUPERVISOR));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String queue, int page, int size) {
        return desk.get().uri("/api/v1/board/{q}?page={p}&size={s}", queue, page, size).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** Every row of the list, page by page. */
    private List<Map<String, Object>> all(String queue, int size) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int pages;
        int page = 0;
        do {
            Map<String, Object> answer = page(queue, page, size);
            assertThat(items(answer)).hasSizeLessThanOrEqualTo(size);
            rows.addAll(items(answer));
            pages = (Integer) answer.get("totalPages");
            assertThat(((Number) answer.get("total")).intValue()).isLessThanOrEqualTo(pages * size);
            page++;
        } while (page < pages);
        return rows;
    }

    private Optional<Map<String, Object>> row(String queue, CaseScript story) {
        return all(queue, 100).stream().filter(row -> story.caseId().equals(row.get("caseId"))).findFirst();
    }

    /** Waits until the case view (written after the lists, as the commit mark) holds the story's last event. */
    private void awaitView(CaseScript story) {
        http.get().uri("/api/v1/cases/{id}?atLeastVersion={v}", story.caseId(), story.version())
                .exchange().expectStatus().isOk().expectHeader().doesNotExist("X-View-Stale");
    }

    private void assertOnlyIn(CaseScript story, String... queues) {
        awaitView(story);
        for (String queue : List.of("objections", "extensions", "overdue", "callback", "registered")) {
            boolean expected = List.of(queues).contains(queue);
            assertThat(row(queue, story).isPresent()).as(story.caseId() + " in " + queue).isEqualTo(expected);
        }
    }

    @Test
    void aRegisteredCaseWaitsForDispatch() {
        String tag = tag();
        CaseScript story = story("bd-reg-" + tag).registered("BD-REG-" + tag, "370602");
        assertOnlyIn(story, "registered");
        assertThat(row("registered", story).orElseThrow()).containsEntry("caseNumber", "BD-REG-" + tag)
                .containsEntry("status", "REGISTERED").containsEntry("title", "路灯不亮")
                .containsEntry("area", "370602").containsEntry("category", "COMPLAINT")
                .containsEntry("warning", "NONE").containsEntry("version", 0)
                .containsKey("registeredAt").doesNotContainKey("citizen").doesNotContainKey("content");

        story.dispatched("WATER-" + tag);
        assertOnlyIn(story);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anObjectionWaitsUntilTheCoordinatorDesignatesALead() {
        String tag = tag();
        String unit = "WATER-" + tag;
        CaseScript story = story("bd-obj-" + tag).registered("BD-OBJ-" + tag, "370602").dispatched(unit)
                .objected(unit);
        assertOnlyIn(story, "objections");
        Map<String, Object> row = row("objections", story).orElseThrow();
        assertThat(row).containsEntry("leadUnit", unit).containsEntry("status", "DISPATCHED")
                .containsEntry("nextDeadlineKind", "SIGN_FOR").containsEntry("version", 2);
        assertThat((Map<String, Object>) row.get("pendingObjection")).containsEntry("unit", unit)
                .containsEntry("reason", "不属于本单位职责").containsKey("at");

        story.designated(unit, "PARKS-" + tag);
        assertOnlyIn(story);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExtensionRequestWaitsUntilItIsDecided() {
        String tag = tag();
        String unit = "WATER-" + tag;
        CaseScript story = story("bd-ext-" + tag).registered("BD-EXT-" + tag, "370602").dispatched(unit)
                .signedFor(unit).extensionRequested(unit);
        assertOnlyIn(story, "extensions");
        assertThat((Map<String, Object>) row("extensions", story).orElseThrow().get("pendingExtension"))
                .containsEntry("unit", unit).containsEntry("extraWorkingDays", 5)
                .containsEntry("reason", "需协调施工");

        story.extensionApproved();
        assertOnlyIn(story);
    }

    @Test
    void aMissedDeadlineIsOverdueInRedUntilTheStepIsDone() {
        String tag = tag();
        String unit = "WATER-" + tag;
        // dispatched at T0+1h, sign-for due at T0+2h, recorded as missed then
        CaseScript story = story("bd-late-" + tag).deadlines(Duration.ofMinutes(30), Duration.ofHours(1))
                .registered("BD-LATE-" + tag, "370602").dispatched(unit).missed(DeadlineKind.SIGN_FOR, unit);
        clock.set(T0.plus(Duration.ofHours(3)));
        assertOnlyIn(story, "overdue");
        assertThat(row("overdue", story).orElseThrow()).containsEntry("warning", "RED")
                .containsEntry("nextDeadlineKind", "SIGN_FOR").containsEntry("supervised", false)
                .containsEntry("nextDue", T0.plus(Duration.ofHours(2)).toString());

        story.supervised();
        awaitView(story);
        assertThat(row("overdue", story).orElseThrow()).containsEntry("supervised", true);

        story.signedFor(unit);
        assertOnlyIn(story);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplyWaitsForTheCallBackUntilTheCaseIsClosed() {
        String tag = tag();
        String unit = "WATER-" + tag;
        CaseScript story = story("bd-cb-" + tag).registered("BD-CB-" + tag, "370602").dispatched(unit)
                .signedFor(unit).replied(unit);
        assertOnlyIn(story, "callback");
        assertThat((Map<String, Object>) row("callback", story).orElseThrow().get("lastReply"))
                .containsEntry("result", "SOLVED").containsEntry("text", "已修复").containsKey("at");

        story.feedback(Satisfaction.DISSATISFIED);
        awaitView(story);
        assertThat((Map<String, Object>) row("callback", story).orElseThrow().get("lastFeedback"))
                .containsEntry("satisfaction", "DISSATISFIED").containsEntry("countsAsSatisfied", false);

        story.closed();
        assertOnlyIn(story);
    }

    @Test
    void pagesHoldTheWholeListOnceInItsOrder() {
        String tag = tag();
        Instant early = T0.minus(Duration.ofDays(400));
        CaseScript second = story("bd-pg2-" + tag).at(early.plus(Duration.ofMinutes(2)))
                .registered("BD-PG2-" + tag, "370602");
        CaseScript first = story("bd-pg1-" + tag).at(early.plus(Duration.ofMinutes(1)))
                .registered("BD-PG1-" + tag, "370602");
        CaseScript third = story("bd-pg3-" + tag).at(early.plus(Duration.ofMinutes(3)))
                .registered("BD-PG3-" + tag, "370602");
        List.of(first, second, third).forEach(this::awaitView);

        List<Map<String, Object>> rows = all("registered", 2);

        assertThat(rows).extracting(row -> row.get("caseId")).doesNotHaveDuplicates();
        assertThat(((Number) page("registered", 0, 2).get("total")).intValue()).isEqualTo(rows.size());
        assertThat(rows).extracting(row -> Instant.parse((String) row.get("registeredAt"))).isSorted();
        assertThat(rows).extracting(row -> (String) row.get("caseId"))
                .filteredOn(id -> id.endsWith(tag))
                .containsExactly(first.caseId(), second.caseId(), third.caseId());
        assertThat(items(page("registered", 10_000, 2))).isEmpty();
    }

    @Test
    void onlyTheRolesThatActOnAListReadIt() {
        readers.actAs(CaseScript.handler("WATER"));
        for (String queue : List.of("objections", "extensions", "overdue", "callback", "registered")) {
            desk.get().uri("/api/v1/board/{q}", queue).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        readers.actAs(Actor.of("co-wang", "HOTLINE", Role.COORDINATOR));
        desk.get().uri("/api/v1/board/callback").exchange().expectStatus().isForbidden();
        desk.get().uri("/api/v1/board/objections").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownListIsNotFound() {
        desk.get().uri("/api/v1/board/everything").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badPagingIsAProblemNamingTheField() {
        for (String bad : List.of("size=0", "size=101", "size=many", "page=-1", "page=x", "sort=due")) {
            desk.get().uri("/api/v1/board/registered?" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail ->
                            assertThat((String) detail).startsWith(bad.substring(0, bad.indexOf('=')) + ":"));
        }
    }
}

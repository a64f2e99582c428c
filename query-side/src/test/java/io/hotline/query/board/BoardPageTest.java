package io.hotline.query.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.Warning;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A board list as answered: in its queue's order, coloured for the moment of reading, in pages. */
class BoardPageTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static QueueEntry entry(String caseId, Instant registeredAt, Instant warnAt, Instant due,
                                    QueueEntry.Objection objection, QueueEntry.Reply reply,
                                    QueueEntry.Ending ending) {
        return new QueueEntry(caseId, "N-" + caseId, "t", CaseStatus.IN_HANDLING, Category.COMPLAINT,
                Urgency.NORMAL, "370602", "WATER", List.of("STREET"), "WATER", registeredAt,
                due == null ? null : DeadlineKind.COMPLETION, due, warnAt, false, 3, objection, null, reply, null,
                ending);
    }

    private static QueueEntry registered(String caseId, Instant registeredAt) {
        return entry(caseId, registeredAt, null, null, null, null, null);
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void overdueCasesComeEarliestDueFirstAndRed() {
        Queue queue = Queue.empty("OVERDUE")
                .with(entry("b", hoursAgo(90), hoursAgo(3), hoursAgo(1), null, null, null))
                .with(entry("a", hoursAgo(10), hoursAgo(30), hoursAgo(20), null, null, null))
                .with(entry("c", hoursAgo(50), hoursAgo(2), NOW.plusSeconds(60), null, null, null));

        BoardPage page = BoardPage.of(queue, QueueName.OVERDUE, 0, 20, NOW);

        assertThat(page.items()).extracting(item -> item.entry().caseId(), BoardItem::warning).containsExactly(
                tuple("a", Warning.RED), tuple("b", Warning.RED), tuple("c", Warning.YELLOW));
    }

    @Test
    void objectionsComeOldestObjectionFirst() {
        Queue queue = Queue.empty("OBJECTIONS")
                .with(entry("new", hoursAgo(90), null, null,
                        new QueueEntry.Objection("WATER", "r", hoursAgo(1)), null, null))
                .with(entry("old", hoursAgo(5), null, null,
                        new QueueEntry.Objection("GAS", "r", hoursAgo(4)), null, null));

        assertThat(BoardPage.of(queue, QueueName.OBJECTIONS, 0, 20, NOW).items())
                .extracting(item -> item.entry().caseId()).containsExactly("old", "new");
    }

    @Test
    void callBacksComeAnsweredLongestAgoFirstWhetherByAUnitOrAtIntake() {
        Queue queue = Queue.empty("CALLBACK")
                .with(entry("replied-late", hoursAgo(99), null, null, null,
                        new QueueEntry.Reply(ReplyResult.SOLVED, "x", hoursAgo(2)), null))
                .with(entry("at-intake", hoursAgo(9), null, null, null, null,
                        new QueueEntry.Ending("RESOLVED_AT_INTAKE", "y", hoursAgo(8))))
                .with(entry("replied-early", hoursAgo(50), null, null, null,
                        new QueueEntry.Reply(ReplyResult.SOLVED, "z", hoursAgo(40)), null));

        assertThat(BoardPage.of(queue, QueueName.CALLBACK, 0, 20, NOW).items())
                .extracting(item -> item.entry().caseId(), BoardItem::warning)
                .containsExactly(tuple("replied-early", Warning.NONE), tuple("at-intake", Warning.NONE),
                        tuple("replied-late", Warning.NONE));
    }

    @Test
    void pagesCutTheSortedListAndCountItWhole() {
        Queue queue = Queue.empty("REGISTERED");
        for (int i = 0; i < 5; i++) {
            queue = queue.with(registered("c" + i, hoursAgo(i)));
        }

        BoardPage first = BoardPage.of(queue, QueueName.REGISTERED, 0, 2, NOW);
        BoardPage last = BoardPage.of(queue, QueueName.REGISTERED, 2, 2, NOW);
        BoardPage beyond = BoardPage.of(queue, QueueName.REGISTERED, 7, 2, NOW);

        assertThat(first.items()).extracting(item -> item.entry().caseId()).containsExactly("c4", "c3");
        assertThat(last.items()).extracting(item -> item.entry().caseId()).containsExactly("c0");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, last, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.totalPages()).isEqualTo(3);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(BoardPage.of(Queue.empty("REGISTERED"), QueueName.REGISTERED, 0, 20, NOW).totalPages()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRowIsAnsweredWithTheFieldsOfACaseViewAndItsColour() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        BoardItem item = BoardItem.of(entry("a", hoursAgo(5), hoursAgo(1), NOW.plusSeconds(60),
                new QueueEntry.Objection("WATER", "不属于本单位职责", hoursAgo(2)), null, null), NOW);

        Map<String, Object> row = json.convertValue(item, Map.class);

        assertThat(row).containsEntry("caseId", "a").containsEntry("caseNumber", "N-a")
                .containsEntry("leadUnit", "WATER").containsEntry("status", "IN_HANDLING")
                .containsEntry("warning", "YELLOW").containsEntry("version", 3L)
                .containsEntry("assistingUnits", List.of("STREET"))
                .containsKeys("nextDue", "nextWarnAt", "registeredAt", "pendingObjection").doesNotContainKey("entry");
        assertThat((Map<String, Object>) row.get("pendingObjection")).containsEntry("unit", "WATER")
                .containsEntry("reason", "不属于本单位职责");
    }

    @Test
    void longTextsAreCutToALineOrTwoAndShortOnesKept() {
        String long1 = "漏".repeat(QueueMembership.BRIEF + 50);

        assertThat(QueueMembership.brief("已修复")).isEqualTo("已修复");
        assertThat(QueueMembership.brief(long1)).hasSize(QueueMembership.BRIEF).endsWith("…").startsWith("漏漏");
        assertThat(QueueMembership.brief("漏".repeat(QueueMembership.BRIEF))).doesNotContain("…");
        assertThat(QueueMembership.brief(null)).isNull();
    }

    @Test
    void queuesAreNamedInPathsInLowerCaseAndReadOnlyByTheRolesThatActOnThem() {
        assertThat(QueueName.inPath("callback")).contains(QueueName.CALLBACK);
        assertThat(QueueName.inPath("CALLBACK")).isEmpty();
        assertThat(QueueName.inPath("nothing")).isEmpty();
        Actor handler = Actor.of("h", "WATER", Role.UNIT_HANDLER);
        Actor coordinator = Actor.of("c", "HOTLINE", Role.COORDINATOR);
        assertThat(QueueName.values()).noneMatch(queue -> queue.mayBeReadBy(handler));
        assertThat(QueueName.values()).filteredOn(queue -> queue.mayBeReadBy(coordinator))
                .containsExactly(QueueName.OBJECTIONS, QueueName.EXTENSIONS, QueueName.OVERDUE);
    }
}

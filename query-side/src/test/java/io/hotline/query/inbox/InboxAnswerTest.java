package io.hotline.query.inbox;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.caseview.Warning;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The inbox a unit sees: nearest deadline first, coloured for the moment of reading. */
class InboxAnswerTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static InboxEntry entry(String caseId, String number, Instant warnAt, Instant due) {
        return new InboxEntry(caseId, number, "t", CaseStatus.IN_HANDLING, InboxRole.LEAD, Category.COMPLAINT,
                Urgency.NORMAL, due == null ? null : DeadlineKind.COMPLETION, due, warnAt, false, false);
    }

    @Test
    void nearestDeadlineFirstWithColoursAndCounts() {
        Inbox inbox = Inbox.empty("WATER")
                .with(entry("later", "N3", NOW.plusSeconds(3600), NOW.plusSeconds(7200)))
                .with(entry("none", "N4", null, null))
                .with(entry("overdue", "N1", NOW.minusSeconds(7200), NOW.minusSeconds(60)))
                .with(entry("warned", "N2", NOW.minusSeconds(60), NOW.plusSeconds(60)));

        InboxAnswer answer = InboxAnswer.of(inbox, NOW);

        assertThat(answer.items()).extracting(InboxItem::caseId, InboxItem::warning).containsExactly(
                tuple("overdue", Warning.RED), tuple("warned", Warning.YELLOW), tuple("later", Warning.GREEN),
                tuple("none", Warning.NONE));
        assertThat(answer.total()).isEqualTo(4);
        assertThat(answer.red()).isEqualTo(1);
        assertThat(answer.yellow()).isEqualTo(1);
        assertThat(answer.asOf()).isEqualTo(NOW);
    }

    @Test
    void theStoredInboxIsInCaseIdOrderWhateverTheWriteOrder() {
        Inbox one = Inbox.empty("U").with(entry("b", "N2", null, null)).with(entry("a", "N1", null, null));
        Inbox other = Inbox.empty("U").with(entry("a", "N1", null, null)).with(entry("b", "N2", null, null));

        assertThat(one).isEqualTo(other);
        assertThat(one.without("a").entries()).extracting(InboxEntry::caseId).isEqualTo(List.of("b"));
    }
}

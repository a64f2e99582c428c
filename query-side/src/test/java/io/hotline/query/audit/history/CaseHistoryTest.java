package io.hotline.query.audit.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.audit.log.ChainBreak;
import io.hotline.query.audit.log.EventLog;
import io.hotline.query.audit.log.LoggedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A case's history read through the log's port alone: no store, no application context. */
class CaseHistoryTest {

    private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void aHistoryShowsTheStoredPayloadWithTheCitizensNumbersMaskedAndTheSeal() {
        CaseRegistered registered = new CaseRegistered("c-1", "20261123-000001", "r-1", Channel.HOTLINE,
                Category.COMPLAINT, Urgency.NORMAL, "路灯不亮", "门口路灯坏了",
                new Citizen("张三", "13800138000", "110101199003071234"), "370602",
                Actor.of("op-li", "HOTLINE", Role.OPERATOR), AT);
        LoggedEvent logged = new LoggedEvent("c-1", "Case", 0, "e-1", AT.plusSeconds(1), registered,
                CaseRegistered.class, Map.of(LoggedEvent.HASH, "h0", LoggedEvent.PREVIOUS_HASH, "", "traceId", "t-1"),
                7L, "{\"caseNumber\":\"20261123-000001\",\"citizen\":{\"name\":\"张三\",\"phone\":\"13800138000\"}}");
        CaseHistory history = new CaseHistory(new OneCaseLog(List.of(logged)), new ObjectMapper(),
                ZoneId.of("Asia/Shanghai"));

        HistoryPage page = history.page("c-1", 0, 10).orElseThrow();

        assertThat(page.caseNumber()).isEqualTo("20261123-000001");
        assertThat(page.total()).isEqualTo(1);
        HistoryEntry entry = page.events().get(0);
        assertThat(entry.position()).isEqualTo(7L);
        assertThat(entry.type()).isEqualTo("CaseRegistered");
        assertThat(entry.at()).isEqualTo(AT);
        assertThat(entry.storedAt()).isEqualTo(AT.plusSeconds(1));
        assertThat(entry.userId()).isEqualTo("op-li");
        assertThat(entry.hash()).isEqualTo("h0");
        assertThat(entry.traceId()).isEqualTo("t-1");
        assertThat(entry.payload().get("citizen").get("phone").asText()).isEqualTo("138****8000");
        assertThat(entry.maskedFields()).containsExactly("citizen.phone", "citizen.idNumber");
        assertThat(entry.sentence().zh()).startsWith("话务员 op-li（HOTLINE）受理了诉求 20261123-000001");
        assertThat(history.page("no-such-case", 0, 10)).isEmpty();
    }

    /** The log of one case, in memory. */
    private record OneCaseLog(List<LoggedEvent> events) implements EventLog {

        @Override
        public long size(String caseId) {
            return events.stream().filter(event -> event.caseId().equals(caseId)).count();
        }

        @Override
        public List<LoggedEvent> read(String caseId, long from, int max) {
            return events.stream().filter(event -> event.caseId().equals(caseId))
                    .filter(event -> event.sequenceNumber() >= from).limit(max).toList();
        }

        @Override
        public Optional<ChainBreak> verifyCase(String caseId) {
            return Optional.empty();
        }

        @Override
        public Optional<ChainBreak> verifyLog(BiConsumer<Long, Long> progress) {
            return Optional.empty();
        }
    }
}

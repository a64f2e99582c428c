package io.hotline.query.figures.facts;

import io.hotline.query.figures.CaseScript;
import io.hotline.query.figures.FiguresHarness;
import io.hotline.query.figures.SeededCases;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's facts read back from their document contribute exactly what they contributed before saving:
 * otherwise the next event would subtract a different contribution from the one that was added.
 */
class CaseFactsDocumentTest {

    private static final ZoneId ZONE = FakeWorkingCalendar.ZONE;

    @Test
    void everySeededCaseContributesTheSameAfterARoundTripAtEveryStep() {
        for (CaseScript script : SeededCases.all()) {
            FiguresHarness figures = new FiguresHarness();
            for (CaseScript.Booked event : script.events()) {
                figures.deliver(event);
                CaseFacts stored = figures.store.facts(event.caseId()).block();
                CaseFacts again = CaseFactsDocument.read(CaseFactsDocument.write(stored));
                assertThat(Contribution.of(again, ZONE).cells()).isEqualTo(Contribution.of(stored, ZONE).cells());
                assertThat(CaseFactsDocument.write(again)).isEqualTo(CaseFactsDocument.write(stored));
                assertThat(again.version).isEqualTo(event.sequence());
            }
        }
    }

    @Test
    void theDocumentCarriesNoPersonalData() {
        FiguresHarness figures = new FiguresHarness().feed(SeededCases.inOrder());
        String stored = figures.store.snapshot().facts().values().toString();
        assertThat(stored).doesNotContain("张三").doesNotContain("13800138000");
    }
}

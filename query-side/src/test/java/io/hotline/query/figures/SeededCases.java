package io.hotline.query.figures;

import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;

import java.util.List;

/**
 * Eleven cases between Monday 23 September and Sunday 20 October 2024, across the National Day holiday
 * (1–7 October, not working) and its make-up days (Sunday 29 September and Saturday 12 October, working).
 * Units: CGJ (城管局), SWJ (水务局), JTJ (交通局); the intake desk is HOTLINE. Handling times below are in
 * the {@link io.hotline.query.figures.facts.FakeWorkingCalendar} (whole working days count 24 h). The expected figures are worked out by
 * hand in {@link SeededFiguresTest}.
 * <pre>
 * C1  COMPLAINT 370602  CGJ signs on time Mon 23 09-23 10:00, replies on time Fri 27 10:00
 *                       (handling 14+24+24+24+10 = 96 h = 5760 min); satisfied, solved; closed.
 * C2  HELP      370613  dispatched Fri 27 16:05 to SWJ, sign-for due Sun 29 16:05 (a make-up working day)
 *                       and declared overdue then; SWJ signs late Mon 30 09:00; extension approved 8 Oct;
 *                       replies on time Mon 14 Oct 12:00 (15 + 0 over the holiday + 5×24 (8–12 Oct, 12th
 *                       worked) + 0 (Sun 13) + 12 = 147 h = 8820 min); dissatisfied, unsolved; reopened
 *                       Tue 15 11:00; replies on time Thu 17 11:00 (13+24+11 = 48 h = 2880 min);
 *                       basically satisfied (counted satisfied), solved.
 * C3  COMPLAINT 370602  CGJ signs on time, objects; the coordinator designates JTJ, which signs on time
 *                       25 Sep, asks for material twice (the second a 一次性告知 violation), and is declared
 *                       overdue on completion Tue 8 Oct 10:00. Still open.
 * C4  CONSULTATION 370613  answered at intake Mon 30 Sep; satisfied, solved.
 * C5  COMPLAINT 370602  redirected (a court matter) 8 Oct; no feedback.
 * C6  HELP      370602  merged into C5 on 8 Oct.
 * C7  COMPLAINT 370613  registered Wed 9 Oct, not yet dispatched: received but not yet accepted.
 * C8  COMPLAINT 370613  CGJ signs on time 10 Oct, transfers to SWJ the same day; SWJ signs on time Fri 11
 *                       09:00, replies on time Wed 16 15:00 (15 + 24 (Sat 12 worked) + 0 + 24 + 24 + 15 =
 *                       102 h = 6120 min); satisfied, solved.
 * C9  COMPLAINT 370602  CGJ signs on time Tue 8 Oct 15:00, declared overdue Tue 15 15:00, replies late
 *                       Wed 16 10:00 (9 + 4×24 + 24 (Sat 12) + 0 + 24 + 24 + 10 = 163 h = 9780 min);
 *                       dissatisfied but solved.
 * C10 HELP      370613  dispatched to JTJ Mon 14 Oct, declared overdue on sign-for Tue 15 09:05, signs
 *                       late 11:00. Still open.
 * C11 COMPLAINT 370602  withdrawn before dispatch 16 Oct.
 * </pre>
 */
public final class SeededCases {

    private SeededCases() {
    }

    public static List<CaseScript> all() {
        return List.of(
                CaseScript.registered("C1", Category.COMPLAINT, "370602", "2024-09-23T09:00")
                        .dispatched("CGJ", "2024-09-23T09:10", "2024-09-24T09:10")
                        .signedFor("CGJ", "2024-09-23T10:00", true, "2024-09-30T10:00")
                        .replied("CGJ", "2024-09-27T10:00", true)
                        .feedback("2024-09-28T10:00", Satisfaction.SATISFIED, true, true)
                        .closed("2024-09-28T11:00"),
                CaseScript.registered("C2", Category.HELP, "370613", "2024-09-27T16:00")
                        .dispatched("SWJ", "2024-09-27T16:05", "2024-09-29T16:05")
                        .signForMissed("SWJ", "2024-09-29T16:05")
                        .signedFor("SWJ", "2024-09-30T09:00", false, "2024-10-10T09:00")
                        .extensionApproved("2024-10-08T10:00", 3, "2024-10-15T09:00")
                        .replied("SWJ", "2024-10-14T12:00", true)
                        .feedback("2024-10-15T09:00", Satisfaction.DISSATISFIED, false, false)
                        .reopened("SWJ", "2024-10-15T11:00", "2024-10-22T11:00")
                        .replied("SWJ", "2024-10-17T11:00", true)
                        .feedback("2024-10-18T09:00", Satisfaction.BASICALLY_SATISFIED, true, true),
                CaseScript.registered("C3", Category.COMPLAINT, "370602", "2024-09-24T11:00")
                        .dispatched("CGJ", "2024-09-24T11:05", "2024-09-25T11:05")
                        .signedFor("CGJ", "2024-09-24T11:30", true, "2024-10-08T11:30")
                        .objected("CGJ", "2024-09-24T15:00")
                        .designated("CGJ", "JTJ", "2024-09-25T09:00", "2024-09-26T09:00")
                        .signedFor("JTJ", "2024-09-25T10:00", true, "2024-10-08T10:00")
                        .materialsRequested("JTJ", "2024-09-26T14:00", false)
                        .materialsRequested("JTJ", "2024-09-27T14:00", true)
                        .completionMissed("JTJ", "2024-10-08T10:00"),
                CaseScript.registered("C4", Category.CONSULTATION, "370613", "2024-09-30T10:00")
                        .resolvedAtIntake("2024-09-30T10:05")
                        .feedback("2024-10-01T10:00", Satisfaction.SATISFIED, true, true),
                CaseScript.registered("C5", Category.COMPLAINT, "370602", "2024-10-08T09:00")
                        .redirected("2024-10-08T09:05"),
                CaseScript.registered("C6", Category.HELP, "370602", "2024-10-08T10:00")
                        .merged("C5", "2024-10-08T10:02"),
                CaseScript.registered("C7", Category.COMPLAINT, "370613", "2024-10-09T09:00"),
                CaseScript.registered("C8", Category.COMPLAINT, "370613", "2024-10-10T09:00")
                        .dispatched("CGJ", "2024-10-10T09:10", "2024-10-11T09:10")
                        .signedFor("CGJ", "2024-10-10T09:30", true, "2024-10-17T09:30")
                        .transferred("CGJ", "SWJ", "2024-10-10T14:00", "2024-10-11T14:00")
                        .signedFor("SWJ", "2024-10-11T09:00", true, "2024-10-18T09:00")
                        .replied("SWJ", "2024-10-16T15:00", true)
                        .feedback("2024-10-17T10:00", Satisfaction.SATISFIED, true, true),
                CaseScript.registered("C9", Category.COMPLAINT, "370602", "2024-10-08T14:00")
                        .dispatched("CGJ", "2024-10-08T14:10", "2024-10-09T14:10")
                        .signedFor("CGJ", "2024-10-08T15:00", true, "2024-10-15T15:00")
                        .completionMissed("CGJ", "2024-10-15T15:00")
                        .replied("CGJ", "2024-10-16T10:00", false)
                        .feedback("2024-10-17T10:00", Satisfaction.DISSATISFIED, false, true),
                CaseScript.registered("C10", Category.HELP, "370613", "2024-10-14T09:00")
                        .dispatched("JTJ", "2024-10-14T09:05", "2024-10-15T09:05")
                        .signForMissed("JTJ", "2024-10-15T09:05")
                        .signedFor("JTJ", "2024-10-15T11:00", false, "2024-10-22T11:00"),
                CaseScript.registered("C11", Category.COMPLAINT, "370602", "2024-10-16T08:00")
                        .withdrawn("2024-10-16T08:30"));
    }

    public static List<CaseScript.Booked> inOrder() {
        return FiguresHarness.inOrder(all());
    }
}

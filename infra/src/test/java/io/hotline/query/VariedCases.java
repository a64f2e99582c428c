package io.hotline.query;

import io.hotline.command.units.UnitDirectory;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.units.UnitEntry;
import io.hotline.kernel.units.UnitEstablished;
import io.hotline.kernel.units.UnitKind;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Cases in every shape the projections know, for tests over whole read models: every event type the case view
 * or the figures handle, on time and late, satisfied and not, merged, redirected, resolved at intake, withdrawn,
 * reopened, in a spread of categories, channels and urgencies. All in one area and four units of their own.
 */
final class VariedCases {

    static final String AREA = "370687";
    static final String WATER = "RB-WATER";
    static final String STREET = "RB-STREET";
    static final String PARKS = "RB-PARKS";
    static final String DISTRICT = "RB-DISTRICT";
    /** How many cases {@link #append} adds: nine shapes, three of each. */
    static final int COUNT = 27;

    private VariedCases() {
    }

    /**
     * Appends the cases to the log, their ids starting with {@code rb-<tag>-}, after the units they go to, entered in
     * the unit directory (the first time: the directory is one aggregate).
     */
    static List<CaseScript> append(EventStore log, String tag) {
        if (log.lastSequenceNumberFor(UnitDirectory.ID).isEmpty()) {
            long seq = 0;
            for (UnitEntry unit : List.of(
                    new UnitEntry(DISTRICT, "某区人民政府", "某区", UnitKind.DISTRICT, null, List.of(AREA), null, null),
                    new UnitEntry(STREET, "某区某街道办事处", "某街道", UnitKind.STREET, DISTRICT, List.of(), null, null),
                    new UnitEntry(WATER, "某市水务集团", "水务集团", UnitKind.UTILITY, null, List.of(), null, null),
                    new UnitEntry(PARKS, "某市园林局", "园林局", UnitKind.CITY_DEPARTMENT, null, List.of(), null, null))) {
                log.publish(new GenericDomainEventMessage<>("UnitDirectory", UnitDirectory.ID, seq++,
                        new UnitEstablished(UnitDirectory.ID, unit, false, Actor.of("admin", "HOTLINE", Role.ADMIN),
                                QueryTestSupport.T0)));
            }
        }
        List<CaseScript> cases = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            CaseScript script = new CaseScript(log, "rb-" + tag + "-" + i, QueryTestSupport.T0)
                    .registered("RB" + tag + "-" + i, "路灯不亮", "小区门口路灯坏了三天", AREA,
                            pick(Category.values(), i), pick(Channel.values(), i), pick(Urgency.values(), i),
                            "1380013" + String.format("%04d", i % 5));
            switch (i % 9) {
                case 0 -> script.dispatched(WATER, STREET).signedFor(WATER).progress(WATER)
                        .materials(WATER, false).materials(WATER, true).replied(WATER)
                        .feedback(Satisfaction.SATISFIED).closed();
                case 1 -> script.dispatched(WATER).objected(WATER).designated(WATER, PARKS).signedFor(PARKS)
                        .replied(PARKS, false).feedback(Satisfaction.DISSATISFIED).reopened(PARKS).urged(PARKS);
                case 2 -> script.dispatched(WATER, STREET).signedFor(WATER).transferred(WATER, DISTRICT)
                        .signedFor(DISTRICT).supervised().extensionRequested(DISTRICT).extensionApproved()
                        .warned(DeadlineKind.COMPLETION, DISTRICT);
                case 3 -> script.dispatched(WATER).warned(DeadlineKind.SIGN_FOR, WATER)
                        .missed(DeadlineKind.SIGN_FOR, WATER).objected(WATER).redispatched(WATER, PARKS, STREET)
                        .signedFor(PARKS).extensionRequested(PARKS).extensionRejected()
                        .missed(DeadlineKind.COMPLETION, PARKS);
                case 4 -> script.resolvedAtIntake().feedback(Satisfaction.BASICALLY_SATISFIED).closed();
                case 5 -> script.redirected();
                case 6 -> {
                    CaseScript original = cases.get(i - 5); // the reopened one, still open
                    script.merged(original.caseId(), "RB" + tag + "-" + (i - 5));
                    original.linked(script.caseId(), "RB" + tag + "-" + i);
                }
                case 8 -> script.dispatched(WATER).signedFor(WATER).replied(WATER); // awaiting its evaluation
                default -> script.dispatched(WATER).signedFor(WATER).withdrawn();
            }
            cases.add(script);
        }
        return cases;
    }

    private static <T> T pick(T[] values, int i) {
        return values[i % values.length];
    }
}

package io.hotline.query.figures.facts;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Urgency;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link CaseFacts} as a {@code case_figures} document, written by hand so the stored shape is plain and
 * stable (dates as BSON dates, enums by name, nulls left out) and a round trip is checked without a database.
 * A few derived fields are written for whoever reads the document ({@code judgedUnits}, {@code overdueNow},
 * each step's and round's {@code judgedAt} and {@code onTime}); they are recomputed, never read back.
 */
public final class CaseFactsDocument {

    private CaseFactsDocument() {
    }

    public static Document write(CaseFacts facts) {
        Document document = new Document("_id", facts.caseId).append("version", facts.version);
        put(document, "registeredAt", date(facts.registeredAt));
        put(document, "channel", name(facts.channel));
        put(document, "category", name(facts.category));
        put(document, "urgency", name(facts.urgency));
        put(document, "area", facts.area);
        put(document, "intakeUnit", facts.intakeUnit);
        put(document, "status", name(facts.status));
        document.append("accepted", facts.accepted);
        put(document, "firstUnit", facts.firstUnit);
        put(document, "dispatchedAt", date(facts.dispatchedAt));
        put(document, "leadUnit", facts.leadUnit);
        document.append("transfers", facts.transfers)
                .append("objections", facts.objections)
                .append("reopens", facts.reopens)
                .append("overdueNow", facts.overdueNow())
                .append("judgedUnits", judgedUnits(facts))
                .append("signFors", facts.signFors.stream().map(CaseFactsDocument::write).toList())
                .append("rounds", facts.rounds.stream().map(CaseFactsDocument::write).toList())
                .append("materialRequests", facts.materialRequests.stream().map(CaseFactsDocument::write).toList());
        if (!facts.ancestry.isEmpty()) {
            // a list of [unit, ancestors...]: unit codes are not safe field names
            List<List<String>> ancestry = new ArrayList<>();
            facts.ancestry.forEach((unit, above) -> {
                List<String> entry = new ArrayList<>(above.size() + 1);
                entry.add(unit);
                entry.addAll(above);
                ancestry.add(entry);
            });
            document.append("ancestry", ancestry);
        }
        return document;
    }

    public static CaseFacts read(Document document) {
        CaseFacts facts = new CaseFacts(document.getString("_id"));
        facts.version = ((Number) document.get("version")).longValue();
        facts.registeredAt = instant(document, "registeredAt");
        facts.channel = enumOf(Channel.class, document.getString("channel"));
        facts.category = enumOf(Category.class, document.getString("category"));
        facts.urgency = enumOf(Urgency.class, document.getString("urgency"));
        facts.area = document.getString("area");
        facts.intakeUnit = document.getString("intakeUnit");
        facts.status = enumOf(CaseStatus.class, document.getString("status"));
        facts.accepted = Boolean.TRUE.equals(document.getBoolean("accepted"));
        facts.firstUnit = document.getString("firstUnit");
        facts.dispatchedAt = instant(document, "dispatchedAt");
        facts.leadUnit = document.getString("leadUnit");
        facts.transfers = intOf(document, "transfers");
        facts.objections = intOf(document, "objections");
        facts.reopens = intOf(document, "reopens");
        facts.signFors.addAll(list(document, "signFors", CaseFactsDocument::readStep));
        facts.rounds.addAll(list(document, "rounds", CaseFactsDocument::readRound));
        facts.materialRequests.addAll(list(document, "materialRequests", CaseFactsDocument::readRequest));
        List<?> ancestry = document.getList("ancestry", List.class);
        if (ancestry != null) {
            ancestry.forEach(entry -> {
                List<String> unitAndAbove = ((List<?>) entry).stream().map(String::valueOf).toList();
                facts.ancestry.put(unitAndAbove.get(0), unitAndAbove.subList(1, unitAndAbove.size()));
            });
        }
        return facts;
    }

    private static Document write(SignForStep step) {
        Document document = new Document("unit", step.unit);
        put(document, "assignedAt", date(step.assignedAt));
        put(document, "due", date(step.due));
        put(document, "signedAt", date(step.signedAt));
        put(document, "signedOnTime", step.signedOnTime);
        put(document, "missedAt", date(step.missedAt));
        put(document, "leftAt", date(step.leftAt));
        if (step.judged()) {
            document.append("judgedAt", date(step.judgedAt())).append("onTime", step.onTime());
        }
        return document;
    }

    private static SignForStep readStep(Document document) {
        SignForStep step = new SignForStep(document.getString("unit"), instant(document, "assignedAt"),
                instant(document, "due"));
        step.signedAt = instant(document, "signedAt");
        step.signedOnTime = document.getBoolean("signedOnTime");
        step.missedAt = instant(document, "missedAt");
        step.leftAt = instant(document, "leftAt");
        return step;
    }

    private static Document write(AnswerRound round) {
        Document document = new Document("kind", round.kind.name()).append("unit", round.unit);
        put(document, "startedAt", date(round.startedAt));
        put(document, "due", date(round.due));
        document.append("extensions", round.extensions);
        put(document, "missedAt", date(round.missedAt));
        put(document, "missedDue", date(round.missedDue));
        put(document, "repliedAt", date(round.repliedAt));
        put(document, "replyOnTime", round.replyOnTime);
        put(document, "handlingSeconds", round.handlingSeconds);
        put(document, "feedbackAt", date(round.feedbackAt));
        put(document, "satisfaction", name(round.satisfaction));
        put(document, "satisfied", round.satisfied);
        put(document, "solved", round.solved);
        document.append("reopened", round.reopened);
        put(document, "feedbackChannel", name(round.feedbackChannel));
        document.append("invites", round.invites);
        if (round.forwarded) {
            document.append("forwarded", true);
        }
        put(document, "settledAt", date(round.settledAt));
        put(document, "leftAt", date(round.leftAt));
        put(document, "submittedAt", date(round.submittedAt));
        put(document, "reviewer", round.reviewer);
        put(document, "reviewedAt", date(round.reviewedAt));
        put(document, "reviewOnTime", round.reviewOnTime);
        put(document, "approved", round.approved);
        put(document, "reviewMissedAt", date(round.reviewMissedAt));
        if (round.judged()) {
            document.append("judgedAt", date(round.judgedAt())).append("onTime", round.onTime());
        }
        return document;
    }

    private static AnswerRound readRound(Document document) {
        AnswerRound round = new AnswerRound(AnswerRound.Kind.valueOf(document.getString("kind")),
                document.getString("unit"), instant(document, "startedAt"), instant(document, "due"));
        round.extensions = intOf(document, "extensions");
        round.missedAt = instant(document, "missedAt");
        round.missedDue = instant(document, "missedDue");
        round.repliedAt = instant(document, "repliedAt");
        round.replyOnTime = document.getBoolean("replyOnTime");
        Object seconds = document.get("handlingSeconds");
        round.handlingSeconds = seconds == null ? null : ((Number) seconds).longValue();
        round.feedbackAt = instant(document, "feedbackAt");
        round.satisfaction = enumOf(Satisfaction.class, document.getString("satisfaction"));
        round.satisfied = document.getBoolean("satisfied");
        round.solved = document.getBoolean("solved");
        round.reopened = Boolean.TRUE.equals(document.getBoolean("reopened"));
        round.feedbackChannel = enumOf(FeedbackChannel.class, document.getString("feedbackChannel"));
        round.invites = !Boolean.FALSE.equals(document.getBoolean("invites"));
        round.forwarded = Boolean.TRUE.equals(document.getBoolean("forwarded"));
        round.settledAt = instant(document, "settledAt");
        round.leftAt = instant(document, "leftAt");
        round.submittedAt = instant(document, "submittedAt");
        round.reviewer = document.getString("reviewer");
        round.reviewedAt = instant(document, "reviewedAt");
        round.reviewOnTime = document.getBoolean("reviewOnTime");
        round.approved = document.getBoolean("approved");
        round.reviewMissedAt = instant(document, "reviewMissedAt");
        return round;
    }

    /** The units some step or round of the case was judged against, in the order they were first judged. */
    private static List<String> judgedUnits(CaseFacts facts) {
        Set<String> units = new LinkedHashSet<>();
        facts.signFors.stream().filter(SignForStep::judged).forEach(step -> units.add(step.unit));
        facts.rounds.stream().filter(AnswerRound::judged).forEach(round -> units.add(round.unit));
        return List.copyOf(units);
    }

    private static Document write(MaterialRequest request) {
        return new Document("at", date(request.at())).append("unit", request.unit()).append("repeated", request.repeated());
    }

    private static MaterialRequest readRequest(Document document) {
        return new MaterialRequest(instant(document, "at"), document.getString("unit"),
                Boolean.TRUE.equals(document.getBoolean("repeated")));
    }

    private static void put(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static int intOf(Document document, String key) {
        Object value = document.get(key);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static <T> List<T> list(Document document, String key, Function<Document, T> reader) {
        List<Document> items = document.getList(key, Document.class);
        return items == null ? List.of() : items.stream().map(reader).toList();
    }
}

package io.hotline.scaleout;

import com.mongodb.client.MongoDatabase;
import io.hotline.scaleout.Traffic.Ack;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What the store holds after a failure test, read with the Mongo driver directly (no app code in between), and
 * the checks the tests make of it. Each check returns the problems it found, so a failure names every broken
 * case at once instead of the first one.
 */
final class LogAudit {

    /** One event of the log, as stored. */
    record Event(long position, String caseId, long seq, String type, Document payload, String eventId,
                 Instant timestamp) {
    }

    /** One segment's token of one tracking processor. */
    record Token(String processor, int segment, String owner, Long position) {
    }

    /** The event each acknowledged command stored. */
    private static final Map<String, String> EVENT_OF = Map.of(
            "register", "CaseRegistered",
            "dispatch", "CaseDispatched",
            "withdraw", "CaseWithdrawn",
            "resolve-at-intake", "CaseResolvedAtIntake",
            "redirect", "CaseRedirected",
            "reveal", "PersonalDataRevealed");

    private final MongoDatabase database;
    private final List<Document> commits;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, List<Event>> byCase = new LinkedHashMap<>();

    private LogAudit(MongoDatabase database) {
        this.database = database;
        this.commits = database.getCollection("events").find().into(new ArrayList<>());
        commits.sort(Comparator.comparingLong(commit -> commit.getLong("_id")));
        for (Document commit : commits) {
            long position = commit.getLong("_id");
            for (Document event : commit.getList("events", Document.class)) {
                String type = event.getString("payloadType");
                Object payload = event.get("payload");
                Event read = new Event(position++, commit.getString("aggregateId"), event.getLong("seq"),
                        type.substring(type.lastIndexOf('.') + 1),
                        payload instanceof Document document ? document : new Document(),
                        event.getString("eventId"), Instant.parse(event.getString("timestamp")));
                events.add(read);
                byCase.computeIfAbsent(read.caseId(), id -> new ArrayList<>()).add(read);
            }
        }
        byCase.values().forEach(list -> list.sort(Comparator.comparingLong(Event::seq)));
    }

    static LogAudit read(MongoDatabase database) {
        return new LogAudit(database);
    }

    int commitCount() {
        return commits.size();
    }

    int eventCount() {
        return events.size();
    }

    int caseCount() {
        return byCase.size();
    }

    /** The position of the last event; -1 for an empty log. */
    long head() {
        return commits.isEmpty() ? -1 : commits.get(commits.size() - 1).getLong("next") - 1;
    }

    long countOf(String type) {
        return events.stream().filter(event -> event.type().equals(type)).count();
    }

    /** Adjacent events whose timestamps run backwards: a drifted clock leaves them; positions never do. */
    long timestampInversions() {
        long inversions = 0;
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).timestamp().isBefore(events.get(i - 1).timestamp())) {
                inversions++;
            }
        }
        return inversions;
    }

    // ------------------------------------------------------------------ the log itself

    /** Positions 0..head, each taken once; every event id once; every case's sequence 0..n without a hole. */
    List<String> logIsWhole() {
        List<String> problems = new ArrayList<>();
        long expected = 0;
        for (Document commit : commits) {
            long at = commit.getLong("_id");
            if (at != expected) {
                problems.add("commit at position " + at + " where " + expected + " was expected");
            }
            expected = commit.getLong("next");
        }
        Set<String> ids = new HashSet<>();
        events.stream().filter(event -> !ids.add(event.eventId()))
                .forEach(event -> problems.add("event id " + event.eventId() + " stored twice"));
        byCase.forEach((caseId, caseEvents) -> {
            for (int seq = 0; seq < caseEvents.size(); seq++) {
                if (caseEvents.get(seq).seq() != seq) {
                    problems.add("case " + caseId + " has event " + caseEvents.get(seq).seq() + " at index " + seq);
                    break;
                }
            }
        });
        return problems;
    }

    /** Every acknowledged command's event is in its case exactly once, at the version the node answered. */
    List<String> everyAcknowledgementExactlyOnce(List<Ack> acks) {
        List<String> problems = new ArrayList<>();
        for (Ack ack : acks) {
            String type = EVENT_OF.get(ack.command());
            List<Event> caseEvents = byCase.getOrDefault(ack.caseId(), List.of());
            Predicate<Event> theOne = event -> event.type().equals(type)
                    && (ack.marker() == null || ack.marker().equals(event.payload().getString("reason")));
            long stored = caseEvents.stream().filter(theOne).count();
            if (stored != 1) {
                problems.add(ack + ": its event " + type + " is stored " + stored + " times");
            } else if (ack.version() != Ack.UNKNOWN && (ack.version() >= caseEvents.size()
                    || !theOne.test(caseEvents.get((int) ack.version())))) {
                problems.add(ack + ": event " + ack.version() + " of the case is not its " + type);
            }
        }
        return problems;
    }

    /** No reveal stored twice, acknowledged or not (a request that got no answer is never repeated). */
    List<String> noRevealTwice() {
        List<String> problems = new ArrayList<>();
        byCase.forEach((caseId, caseEvents) -> {
            Set<String> reasons = new HashSet<>();
            caseEvents.stream().filter(event -> event.type().equals("PersonalDataRevealed"))
                    .map(event -> event.payload().getString("reason"))
                    .filter(reason -> !reasons.add(reason))
                    .forEach(reason -> problems.add("case " + caseId + " has the reveal '" + reason + "' twice"));
        });
        return problems;
    }

    // ------------------------------------------------------------------ deadlines

    /** Emergency cases dispatched and never signed for, withdrawn or otherwise moved on. */
    List<String> unsignedEmergencies() {
        return byCase.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(event -> event.type().equals("CaseRegistered")
                        && "EMERGENCY".equals(event.payload().getString("urgency"))))
                .filter(entry -> entry.getValue().stream().anyMatch(event -> event.type().equals("CaseDispatched")))
                .filter(entry -> entry.getValue().stream().noneMatch(event -> Set.of("CaseSignedFor",
                        "CaseWithdrawn", "CaseRedispatched", "CaseTransferred").contains(event.type())))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The latest sign-for due time among the given cases. */
    Instant latestSignForDue(List<String> caseIds) {
        return caseIds.stream().flatMap(id -> byCase.get(id).stream())
                .filter(event -> event.type().equals("CaseDispatched"))
                .map(event -> Instant.parse(event.payload().get("signForDeadline", Document.class).getString("due")))
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    /** The types of a case's events in order, e.g. [CaseRegistered, CaseDispatched]. */
    List<String> story(String caseId) {
        return byCase.getOrDefault(caseId, List.of()).stream().map(Event::type).toList();
    }

    /** The deadline marks of a case, in order: e.g. [DeadlineWarningRaised SIGN_FOR, DeadlineMissed SIGN_FOR]. */
    List<String> deadlineMarks(String caseId) {
        return byCase.getOrDefault(caseId, List.of()).stream()
                .filter(event -> event.type().startsWith("Deadline"))
                .map(event -> event.type() + " " + event.payload().getString("kind"))
                .toList();
    }

    List<String> eachWarnedThenMarkedOverdueOnce(List<String> caseIds) {
        List<String> expected = List.of("DeadlineWarningRaised SIGN_FOR", "DeadlineMissed SIGN_FOR");
        List<String> problems = new ArrayList<>();
        for (String caseId : caseIds) {
            List<String> marks = deadlineMarks(caseId);
            if (!marks.equals(expected)) {
                problems.add("case " + caseId + " has the deadline marks " + marks + ", not " + expected);
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ read models

    /** Every case exactly once in {@code case_view}, at the version of its last event. */
    List<String> caseViewsMatchTheLog() {
        List<String> problems = new ArrayList<>();
        Map<String, Long> lastSeq = new HashMap<>();
        byCase.forEach((caseId, caseEvents) -> {
            if (caseEvents.get(0).type().equals("CaseRegistered")) {
                lastSeq.put(caseId, caseEvents.get(caseEvents.size() - 1).seq());
            }
        });
        Map<String, Long> views = new HashMap<>();
        for (Document view : database.getCollection("case_view").find()) {
            Long previous = views.put(view.getString("_id"), ((Number) view.get("version")).longValue());
            if (previous != null) {
                problems.add("case view " + view.getString("_id") + " is there twice");
            }
        }
        lastSeq.forEach((caseId, seq) -> {
            Long version = views.get(caseId);
            if (version == null) {
                problems.add("case " + caseId + " has no case view");
            } else if (version.longValue() != seq) {
                problems.add("case view " + caseId + " is at version " + version + ", its last event is " + seq);
            }
        });
        views.keySet().stream().filter(id -> !lastSeq.containsKey(id))
                .forEach(id -> problems.add("case view " + id + " has no case in the log"));
        return problems;
    }

    long caseViewCount() {
        return database.getCollection("case_view").countDocuments();
    }

    /**
     * Every deadline a dispatch started is in the schedule ({@code deadline_buckets}), and nothing else is. A
     * check is filed under its warning minute and its due minute, so it appears in one or two buckets.
     */
    List<String> deadlineScheduleMatchesTheLog() {
        Set<String> started = new HashSet<>();
        events.stream().filter(event -> event.type().equals("CaseDispatched")).forEach(event -> {
            Document deadline = event.payload().get("signForDeadline", Document.class);
            started.add(check(event.caseId(), deadline.getString("kind"), deadline.getString("due")));
        });
        Map<String, Integer> filed = new TreeMap<>();
        for (Document bucket : database.getCollection("deadline_buckets").find()) {
            for (Document check : bucket.getList("checks", Document.class)) {
                filed.merge(check(check.getString("caseId"), check.getString("kind"), check.getString("due")), 1,
                        Integer::sum);
            }
        }
        List<String> problems = new ArrayList<>();
        started.stream().filter(check -> !filed.containsKey(check))
                .forEach(check -> problems.add("deadline " + check + " never reached the schedule"));
        filed.forEach((check, times) -> {
            if (!started.contains(check)) {
                problems.add("the schedule holds " + check + ", which no event started");
            } else if (times > 2) {
                problems.add("deadline " + check + " is filed " + times + " times");
            }
        });
        return problems;
    }

    int scheduledDeadlines() {
        return (int) events.stream().filter(event -> event.type().equals("CaseDispatched")).count();
    }

    private static String check(String caseId, String kind, String due) {
        return caseId + "/" + kind + "/" + Instant.parse(due);
    }

    // ------------------------------------------------------------------ tracking tokens

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        for (Document token : database.getCollection("tracking_tokens").find()) {
            if (token.getString("processorName") == null || token.get("segment") == null) {
                continue; // the token store's own configuration entry
            }
            tokens.add(new Token(token.getString("processorName"), token.getInteger("segment"),
                    token.getString("owner"), position(token.get("token"))));
        }
        tokens.sort(Comparator.comparing(Token::processor).thenComparingInt(Token::segment));
        return tokens;
    }

    /**
     * Every segment of every tracking processor is claimed by one of {@code owners} and has read up to the
     * head of the log; the segments of each processor are numbered 0..n-1 without a hole.
     */
    List<String> tokensClaimedAndAtHead(Set<String> owners) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Token>> byProcessor = new TreeMap<>();
        tokens().forEach(token -> byProcessor.computeIfAbsent(token.processor(), name -> new ArrayList<>()).add(token));
        byProcessor.forEach((processor, segments) -> {
            for (int i = 0; i < segments.size(); i++) {
                Token token = segments.get(i);
                if (token.segment() != i) {
                    problems.add(processor + " has segment " + token.segment() + " where " + i + " was expected");
                }
                if (!owners.contains(token.owner())) {
                    problems.add(processor + " segment " + token.segment() + " is claimed by " + token.owner());
                }
                if (!Objects.equals(token.position(), head())) {
                    problems.add(processor + " segment " + token.segment() + " is at " + token.position()
                            + ", the head of the log is " + head());
                }
            }
        });
        return problems;
    }

    private static Long position(Object stored) {
        String json = stored instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                : stored instanceof String text ? text : null;
        if (json == null) {
            return null;
        }
        Object index = Document.parse(json).get("globalIndex");
        return index == null ? null : ((Number) index).longValue();
    }
}

package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/**
 * What the figures count per case: transfers and objections (buck passing), material requests and the
 * 一次性告知 violations among them, extensions, reopens, urges. Kept as plain counts so the figures can sum them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Counters {

    int transfers;
    int objections;
    int redispatches;
    int designations;
    int progressNotes;
    int materialRequests;
    int materialRequestViolations;
    int extensionRequests;
    int extensions;
    int extensionRejections;
    int reopens;
    int urges;
    int deadlinesMissed;

    public int transfers() {
        return transfers;
    }

    public int objections() {
        return objections;
    }

    public int redispatches() {
        return redispatches;
    }

    public int designations() {
        return designations;
    }

    public int progressNotes() {
        return progressNotes;
    }

    public int materialRequests() {
        return materialRequests;
    }

    public int materialRequestViolations() {
        return materialRequestViolations;
    }

    public int extensionRequests() {
        return extensionRequests;
    }

    public int extensions() {
        return extensions;
    }

    public int extensionRejections() {
        return extensionRejections;
    }

    public int reopens() {
        return reopens;
    }

    public int urges() {
        return urges;
    }

    public int deadlinesMissed() {
        return deadlinesMissed;
    }
}

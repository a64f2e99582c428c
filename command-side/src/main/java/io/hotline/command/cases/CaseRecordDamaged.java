package io.hotline.command.cases;

/**
 * A case's stored record has lost events: loading it found fewer than were acknowledged (a commit deleted or
 * damaged in the store). The case takes no command until its record is restored, so nothing is ever appended over
 * the gap; the command is refused and an integrity alert is raised. Carries no personal data, only sequence numbers.
 */
public class CaseRecordDamaged extends RuntimeException {

    private final String caseId;
    private final long lastFound;
    private final long lastAcknowledged;

    /** {@code lastFound} is -1 when no event of the case could be read at all. */
    public CaseRecordDamaged(String caseId, long lastFound, long lastAcknowledged) {
        super("The record of case " + caseId + " is damaged: events up to sequence " + lastAcknowledged
                + " were acknowledged, only " + (lastFound + 1) + " can be read in order");
        this.caseId = caseId;
        this.lastFound = lastFound;
        this.lastAcknowledged = lastAcknowledged;
    }

    public String caseId() {
        return caseId;
    }

    /** The last sequence number read without a gap from the start (or the snapshot), -1 for none. */
    public long lastFound() {
        return lastFound;
    }

    /** The last sequence number the store acknowledged for the case. */
    public long lastAcknowledged() {
        return lastAcknowledged;
    }
}

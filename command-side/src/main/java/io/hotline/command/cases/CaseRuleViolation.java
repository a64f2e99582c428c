package io.hotline.command.cases;

/** A command the case refused, with the rule it broke. Not a crash: an answer. */
public class CaseRuleViolation extends RuntimeException {

    private final Rejection rejection;
    private final String caseId;

    public CaseRuleViolation(Rejection rejection, String caseId) {
        super(rejection.name() + ": " + rejection.message());
        this.rejection = rejection;
        this.caseId = caseId;
    }

    public Rejection rejection() {
        return rejection;
    }

    public String caseId() {
        return caseId;
    }
}

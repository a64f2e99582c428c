package io.hotline.query.figures.buckets;



/**
 * The counters a bucket keeps. Every figure is a ratio of two of them (see {@link
 * io.hotline.query.figures.answers.FigureSet}); each counter is stored under its {@link #field()} name in a bucket
 * document and only ever changed by {@code $inc}, so buckets add up across cases, days and nodes.
 */
public enum Count {
    /** Requests registered (受理): the denominator of the acceptance rate. */
    RECEIVED("received"),
    /** Registered requests given an intake disposition: dispatched, answered at intake, redirected, merged or withdrawn. */
    ACCEPTED("accepted"),
    /** Cases first dispatched to a unit (首问): the "per case" denominator of transfers and objections. */
    DISPATCHED("dispatched"),
    /** Transfers (转办) of the cases counted in {@link #DISPATCHED}. */
    TRANSFERS("transfers"),
    /** Jurisdiction objections (异议) on the cases counted in {@link #DISPATCHED}. */
    OBJECTIONS("objections"),
    /** Sign-for steps settled: signed for, or declared overdue before signing. */
    SIGN_FOR_JUDGED("signForJudged"),
    /** Sign-for steps signed for on time. */
    SIGNED_ON_TIME("signedOnTime"),
    /** Handling rounds settled: replied to, or declared overdue before the reply. */
    COMPLETION_JUDGED("completionJudged"),
    /** Handling rounds replied to on time. */
    COMPLETED_ON_TIME("completedOnTime"),
    /** Answers given to citizens: replies by units, answers and redirections at intake. */
    REPLIES("replies"),
    /** Replies whose handling time is known (the round started with a sign-for or a reopening). */
    HANDLED("handled"),
    /** Working seconds of the {@link #HANDLED} replies, summed. */
    HANDLING_SECONDS("handlingSeconds"),
    /** Replies that got a call-back (回访) evaluation. */
    FEEDBACKS("feedbacks"),
    /** Evaluations the satisfaction scale counted as satisfied. */
    SATISFIED("satisfied"),
    /** Evaluations saying the problem was solved. */
    SOLVED("solved"),
    /** Replies that were reopened (重办) afterwards. */
    REOPENED("reopened"),
    /** Requests for more material (补充材料). */
    MATERIAL_REQUESTS("materialRequests"),
    /** Second and later material requests on one case: 一次性告知 violations. */
    REPEATED_MATERIAL_REQUESTS("repeatedMaterialRequests"),
    /** Cases open right now (registered, dispatched or in handling); only in "now" buckets. */
    OPEN("open"),
    /** Open cases past a deadline in force right now; only in "now" buckets. */
    OVERDUE_OPEN("overdueOpen");

    private final String field;

    Count(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}

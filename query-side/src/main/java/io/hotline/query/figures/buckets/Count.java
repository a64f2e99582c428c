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
    OVERDUE_OPEN("overdueOpen"),
    /**
     * Answers that invited the citizen to evaluate (回访评价): replies and answers at intake, not redirections (告知),
     * which nothing evaluates. The denominator of participation; those still unevaluated once their invitation
     * expired are the unanswered ones (never counted as satisfied).
     */
    INVITATIONS("invitations"),
    /** Evaluations by operators' call-back (电话回访), of the answers of the period. */
    FEEDBACKS_PHONE("feedbacksPhone"),
    /** Evaluations the citizen sent by SMS (短信评价). */
    FEEDBACKS_SMS("feedbacksSms"),
    /** Evaluations the citizen gave on the web (网上评价). */
    FEEDBACKS_WEB("feedbacksWeb"),
    /** Evaluations taken on site (现场评价). */
    FEEDBACKS_ON_SITE("feedbacksOnSite"),
    /** {@link #FEEDBACKS_PHONE} counted as satisfied. */
    SATISFIED_PHONE("satisfiedPhone"),
    /** {@link #FEEDBACKS_SMS} counted as satisfied. */
    SATISFIED_SMS("satisfiedSms"),
    /** {@link #FEEDBACKS_WEB} counted as satisfied. */
    SATISFIED_WEB("satisfiedWeb"),
    /** {@link #FEEDBACKS_ON_SITE} counted as satisfied. */
    SATISFIED_ON_SITE("satisfiedOnSite"),
    /** Seconds from the answer to its evaluation (wall clock), summed over {@link #FEEDBACKS}. */
    EVALUATION_DELAY_SECONDS("evaluationDelaySeconds"),
    /** 办结审核 steps settled: a draft from below approved or returned, or the review declared overdue first; the reviewer's. */
    REVIEWS_JUDGED("reviewsJudged"),
    /** Reviews done within the reviewer's limit. */
    REVIEWED_ON_TIME("reviewedOnTime"),
    /** Drafted replies reviewed (approved or returned), by the day drafted; the drafting unit's. */
    DRAFTS_REVIEWED("draftsReviewed"),
    /** Drafted replies returned by the reviewer (退回): rounds that did not pass review. */
    DRAFTS_RETURNED("draftsReturned");

    /** The participation counter of an evaluation channel. */
    public static Count feedbacksBy(io.hotline.kernel.cases.FeedbackChannel channel) {
        return switch (channel) {
            case PHONE -> FEEDBACKS_PHONE;
            case SMS -> FEEDBACKS_SMS;
            case WEB -> FEEDBACKS_WEB;
            case ON_SITE -> FEEDBACKS_ON_SITE;
        };
    }

    /** The satisfied counter of an evaluation channel. */
    public static Count satisfiedBy(io.hotline.kernel.cases.FeedbackChannel channel) {
        return switch (channel) {
            case PHONE -> SATISFIED_PHONE;
            case SMS -> SATISFIED_SMS;
            case WEB -> SATISFIED_WEB;
            case ON_SITE -> SATISFIED_ON_SITE;
        };
    }

    private final String field;

    Count(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }
}

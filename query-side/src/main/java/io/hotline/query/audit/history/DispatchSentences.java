package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseRedispatched;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;

import static io.hotline.query.audit.history.Sentences.note;
import static io.hotline.query.audit.history.Sentences.words;

/**
 * The sentences of the responsibility stage, split from {@link Sentences} by stage: dispatch, sign-for, objections,
 * re-dispatch, designation, transfer, and dispatch by level (下派, 收回, 异议不予支持, 办结审核). Same style: who acted
 * (given), what changed, units by code, free text scrubbed, times in the city's zone.
 */
final class DispatchSentences {

    private DispatchSentences() {
    }

    /** Whether the step is normally taken by a unit handler (the sentence then names that role first). */
    static boolean byUnits(Object payload) {
        return payload instanceof CaseDispatchedDown || payload instanceof CaseTakenBack
                || payload instanceof ObjectionOverruled || payload instanceof ReplySubmittedForReview
                || payload instanceof ReplyReturned || payload instanceof ReplyApproved;
    }

    /** The sentence of a responsibility step, or null when the event is of another stage. */
    static Sentence of(Sentences s, Object payload, String zh, String en, String n) {
        if (payload instanceof CaseDispatched e) {
            String overrideZh = e.catalogueOverridden() ? "，未采用派单目录建议的 " + e.proposedUnit() : "";
            String overrideEn = e.catalogueOverridden() ? ", overriding the catalogue's " + e.proposedUnit() : "";
            return new Sentence(zh + "将诉求 " + n + " 派单至 " + e.leadUnit() + "（主办）" + Sentences.assistingZh(e.assistingUnits())
                    + overrideZh + "，签收时限 " + s.due(e.signForDeadline()),
                    en + " dispatched case " + n + " to " + e.leadUnit() + " (lead)" + Sentences.assistingEn(e.assistingUnits())
                            + overrideEn + "; sign for by " + s.due(e.signForDeadline()));
        }
        if (payload instanceof CaseSignedFor e) {
            return new Sentence(zh + "代表 " + e.unit() + " 签收了诉求 " + n + (e.signedOnTime() ? "（按时）" : "（超时）")
                    + (e.completionDeadline() == null ? "" : "，办结时限 " + s.due(e.completionDeadline())),
                    en + " signed for case " + n + " for " + e.unit() + (e.signedOnTime() ? " (on time)" : " (late)")
                            + (e.completionDeadline() == null ? "" : "; finish by " + s.due(e.completionDeadline())));
        }
        if (payload instanceof JurisdictionObjected e) {
            return new Sentence(zh + "代表 " + e.unit() + " 对诉求 " + n + " 提出管辖异议，理由：" + Sentences.text(e.reason()),
                    en + " objected to jurisdiction over case " + n + " for " + e.unit() + ": " + Sentences.text(e.reason()));
        }
        if (payload instanceof CaseRedispatched e) {
            return new Sentence(zh + "将诉求 " + n + " 由 " + e.fromUnit() + " 改派至 " + e.leadUnit() + "（主办）"
                    + Sentences.assistingZh(e.assistingUnits()) + "，理由：" + Sentences.text(e.reason()),
                    en + " re-dispatched case " + n + " from " + e.fromUnit() + " to " + e.leadUnit() + " (lead)"
                            + Sentences.assistingEn(e.assistingUnits()) + ": " + Sentences.text(e.reason()));
        }
        if (payload instanceof LeadUnitDesignated e) {
            return new Sentence(zh + "协调确定 " + e.leadUnit() + " 为诉求 " + n + " 的主办单位（原 " + e.previousUnit() + "）"
                    + Sentences.assistingZh(e.assistingUnits()) + "，理由：" + Sentences.text(e.reason()),
                    en + " designated " + e.leadUnit() + " lead unit of case " + n + " (was " + e.previousUnit() + ")"
                            + Sentences.assistingEn(e.assistingUnits()) + ": " + Sentences.text(e.reason()));
        }
        if (payload instanceof CaseTransferred e) {
            return new Sentence(zh + "将诉求 " + n + " 由 " + e.fromUnit() + " 转办至 " + e.toUnit() + "，理由："
                    + Sentences.text(e.reason()),
                    en + " transferred case " + n + " from " + e.fromUnit() + " to " + e.toUnit() + ": "
                            + Sentences.text(e.reason()));
        }
        if (payload instanceof CaseDispatchedDown e) {
            return new Sentence(zh + "将诉求 " + n + " 由 " + e.fromUnit() + " 下派至 " + e.toUnit() + "（第 " + e.level()
                    + " 级，主办）" + Sentences.assistingZh(e.assistingUnits()) + note(e.instructions(), "，要求：", "")
                    + "，签收时限 " + s.due(e.signForDeadline()) + "；" + e.fromUnit() + " 在其签收前仍负首问责任",
                    en + " sent case " + n + " down from " + e.fromUnit() + " to " + e.toUnit() + " (level " + e.level()
                            + ", lead)" + Sentences.assistingEn(e.assistingUnits()) + note(e.instructions(), ": ", "")
                            + "; sign for by " + s.due(e.signForDeadline()) + "; " + e.fromUnit()
                            + " stays accountable until it signs");
        }
        if (payload instanceof CaseTakenBack e) {
            return new Sentence(zh + "代表 " + e.unit() + " 从 " + e.fromUnit() + " 收回诉求 " + n + " 自行办理，理由："
                    + Sentences.text(e.reason()) + "，办结时限 " + s.due(e.completionDeadline()),
                    en + " took case " + n + " back from " + e.fromUnit() + " for " + e.unit() + ": "
                            + Sentences.text(e.reason()) + "; finish by " + s.due(e.completionDeadline()));
        }
        if (payload instanceof ObjectionOverruled e) {
            return new Sentence(zh + "代表 " + e.decidedBy() + " 对 " + e.unit() + " 就诉求 " + n + " 提出的异议不予支持，理由："
                    + Sentences.text(e.reason()) + (e.signForDeadline() == null ? ""
                    : "，重新签收时限 " + s.due(e.signForDeadline())),
                    en + " overruled the objection of " + e.unit() + " to case " + n + " for " + e.decidedBy() + ": "
                            + Sentences.text(e.reason()) + (e.signForDeadline() == null ? ""
                            : "; sign for by " + s.due(e.signForDeadline())));
        }
        if (payload instanceof ReplySubmittedForReview e) {
            return new Sentence(zh + "代表 " + e.unit() + " 拟写诉求 " + n + " 的答复（" + Sentences.zh(e.result())
                    + (e.onTime() ? "，按时" : "，超时") + "），提交 " + e.reviewer() + " 审核，审核时限 "
                    + s.due(e.reviewDeadline()) + "：" + Sentences.text(e.text()),
                    en + " drafted the reply on case " + n + " for " + e.unit() + " (" + words(e.result())
                            + (e.onTime() ? ", on time" : ", late") + ") for review by " + e.reviewer()
                            + ", review by " + s.due(e.reviewDeadline()) + ": " + Sentences.text(e.text()));
        }
        if (payload instanceof ReplyReturned e) {
            return new Sentence(zh + "代表 " + e.reviewer() + " 将 " + e.unit() + " 拟写的诉求 " + n + " 答复退回"
                    + (e.onTime() ? "（按时审核）" : "（超时审核）") + "，理由：" + Sentences.text(e.reason()),
                    en + " returned the reply " + e.unit() + " drafted on case " + n + " for " + e.reviewer()
                            + (e.onTime() ? " (reviewed on time)" : " (reviewed late)") + ": "
                            + Sentences.text(e.reason()));
        }
        if (payload instanceof ReplyApproved e) {
            return new Sentence(zh + "代表 " + e.reviewer() + " 审核通过 " + e.unit() + " 拟写的诉求 " + n + " 答复"
                    + (e.onTime() ? "（按时审核）" : "（超时审核）") + note(e.comment(), "，意见：", ""),
                    en + " approved the reply " + e.unit() + " drafted on case " + n + " for " + e.reviewer()
                            + (e.onTime() ? " (reviewed on time)" : " (reviewed late)") + note(e.comment(), ": ", ""));
        }
        return null;
    }
}

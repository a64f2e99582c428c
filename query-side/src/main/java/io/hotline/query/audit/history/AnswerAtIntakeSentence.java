package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseResolvedAtIntake;

/**
 * The sentence for 已直接办结: the answer given at intake and, when it was read from the knowledge base, the
 * article and its published version, so an inspector can open exactly what the caller was told
 * ({@code GET /api/v1/knowledge/articles/{id}/versions/{n}}). Its own class because {@link Sentences} is full.
 */
final class AnswerAtIntakeSentence {

    private AnswerAtIntakeSentence() {
    }

    /** {@code zh} and {@code en} name who acted, {@code n} the case number, {@code answer} the scrubbed answer. */
    static Sentence of(CaseResolvedAtIntake event, String zh, String en, String n, String answer) {
        if (event.articleId() == null) {
            return new Sentence(zh + "当场答复并直接办结了诉求 " + n + "：" + answer,
                    en + " answered case " + n + " at intake and resolved it: " + answer);
        }
        String version = event.articleVersion() == null ? "?" : event.articleVersion().toString();
        return new Sentence(zh + "依据知识条目 " + event.articleId() + "（第 " + version + " 版）当场答复并直接办结了诉求 "
                + n + "：" + answer,
                en + " answered case " + n + " at intake from knowledge article " + event.articleId()
                        + " (version " + version + ") and resolved it: " + answer);
    }
}

package io.hotline.query.knowledge;

import io.hotline.kernel.access.Action;
import io.hotline.kernel.access.Permissions;
import io.hotline.kernel.common.Actor;

/**
 * What a reader may see of the knowledge base, from the permission table: a knowledge editor sees every article
 * with its working copy; a unit that keeps articles sees its own unit's, working copies included, and only its own
 * flags and near-expiry list; everyone else reads the published versions only.
 */
record KnowledgeReader(Actor actor, boolean editor, boolean keeper) {

    static KnowledgeReader of(Actor actor) {
        return new KnowledgeReader(actor, Permissions.allows(actor.roles(), Action.REVIEW_ARTICLE),
                Permissions.allows(actor.roles(), Action.PROPOSE_ARTICLE));
    }

    /** Whether the reader sees the article's working copy (draft, review, returned reason). */
    boolean seesWorkingCopy(String owningUnit) {
        return editor || keeper && actor.actsFor(owningUnit);
    }

    /** The unit whose lists to show: a unit's keeper gets their own, whatever they asked for. */
    String unit(String requested) {
        if (editor) {
            return requested;
        }
        return keeper ? actor.unitId() : requested;
    }

    /** The article as this reader may see it; null when they may see nothing of it. */
    ArticleView shown(ArticleView view) {
        if (view == null) {
            return null;
        }
        if (seesWorkingCopy(view.owningUnit())) {
            return view;
        }
        return view.publishedVersion() > 0 ? view.publishedOnly() : null;
    }
}

package io.hotline.command.policy;

import io.hotline.kernel.cases.Satisfaction;

/**
 * The satisfaction scale in use: the national five-level 好差评 scale by default, a three-level one by
 * configuration; which levels count as satisfied is configuration too.
 */
public interface SatisfactionScale {

    /** Whether the level is on the scale in use (a three-level city does not record VERY_SATISFIED). */
    boolean offers(Satisfaction level);

    boolean countsAsSatisfied(Satisfaction level);
}

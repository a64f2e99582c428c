package io.hotline.query.figures.ranking;

import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.answers.Fraction;
import java.util.function.Function;

/**
 * The rates a unit's assessment (绩效考核) may weigh and set floors on. All are "higher is better". Property
 * keys are the kebab-case names ({@code response}, {@code solution}, {@code satisfaction},
 * {@code on-time-completion}, {@code feedback-coverage}); JSON uses {@link #label()}.
 */
public enum RankedRate {
    /** 响应率: signed for on time. */
    RESPONSE("response", FigureSet::response),
    /** 解决率: evaluations saying solved. */
    SOLUTION("solution", FigureSet::solved),
    /** 满意率: evaluations counted as satisfied. */
    SATISFACTION("satisfaction", FigureSet::satisfaction),
    /** 按时办结率. */
    ON_TIME_COMPLETION("onTimeCompletion", FigureSet::onTimeCompletion),
    /** 回访率. */
    FEEDBACK_COVERAGE("feedbackCoverage", FigureSet::feedbackCoverage);

    private final String label;
    private final Function<FigureSet, Fraction> figure;

    RankedRate(String label, Function<FigureSet, Fraction> figure) {
        this.label = label;
        this.figure = figure;
    }

    String label() {
        return label;
    }

    Fraction of(FigureSet figures) {
        return figure.apply(figures);
    }
}

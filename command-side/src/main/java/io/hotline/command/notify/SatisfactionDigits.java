package io.hotline.command.notify;

import io.hotline.command.policy.SatisfactionScale;
import io.hotline.kernel.cases.Satisfaction;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The configured satisfaction scale as one digit per level, best first (1 非常满意 … 5 非常不满意 on the national
 * scale; 1 满意 2 基本满意 3 不满意 on a three-level one): what the reply invites and what an SMS answer means.
 */
class SatisfactionDigits {

    private static final Map<Satisfaction, String> WORDS = Map.of(
            Satisfaction.VERY_SATISFIED, "非常满意",
            Satisfaction.SATISFIED, "满意",
            Satisfaction.BASICALLY_SATISFIED, "基本满意",
            Satisfaction.DISSATISFIED, "不满意",
            Satisfaction.VERY_DISSATISFIED, "非常不满意");

    private final List<Satisfaction> levels;
    private final SatisfactionScale scale;

    SatisfactionDigits(SatisfactionScale scale) {
        this.scale = scale;
        this.levels = Arrays.stream(Satisfaction.values()).filter(scale::offers).toList();
    }

    /** "1非常满意 2满意 …" */
    String invitation() {
        return IntStream.range(0, levels.size()).mapToObj(i -> (i + 1) + WORDS.get(levels.get(i)))
                .collect(Collectors.joining(" "));
    }

    /** The level a digit stands for; empty for anything else. */
    Optional<Satisfaction> level(char digit) {
        int index = digit - '1';
        return index >= 0 && index < levels.size() ? Optional.of(levels.get(index)) : Optional.empty();
    }

    /**
     * Whether the citizen counts the matter as solved: one digit cannot ask it, so a level that counts as satisfied
     * reads as solved and any other as not.
     */
    boolean solved(Satisfaction level) {
        return scale.countsAsSatisfied(level);
    }
}

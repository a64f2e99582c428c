package io.hotline.command.policy;

import io.hotline.kernel.cases.Satisfaction;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static io.hotline.kernel.cases.Satisfaction.BASICALLY_SATISFIED;
import static io.hotline.kernel.cases.Satisfaction.DISSATISFIED;
import static io.hotline.kernel.cases.Satisfaction.SATISFIED;
import static io.hotline.kernel.cases.Satisfaction.VERY_SATISFIED;

/**
 * The satisfaction scale a city uses for feedback (回访评价): the levels a citizen may give, and which of them
 * count as satisfied in the satisfaction rate (满意率). A level not on the scale never counts.
 */
public final class ConfiguredSatisfactionScale implements SatisfactionScale {

    /** The scales cities use. */
    public enum Preset {
        /** The national 好差评 scale: very satisfied to very dissatisfied; the top three count as satisfied. */
        FIVE_LEVEL(EnumSet.allOf(Satisfaction.class), EnumSet.of(VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED)),
        /** 满意 / 基本满意 / 不满意; the first two count as satisfied. */
        THREE_LEVEL(EnumSet.of(SATISFIED, BASICALLY_SATISFIED, DISSATISFIED), EnumSet.of(SATISFIED,
                BASICALLY_SATISFIED));

        private final Set<Satisfaction> levels;
        private final Set<Satisfaction> countedAsSatisfied;

        Preset(EnumSet<Satisfaction> levels, EnumSet<Satisfaction> countedAsSatisfied) {
            this.levels = Collections.unmodifiableSet(levels);
            this.countedAsSatisfied = Collections.unmodifiableSet(countedAsSatisfied);
        }

        public Set<Satisfaction> levels() {
            return levels;
        }

        public Set<Satisfaction> countedAsSatisfied() {
            return countedAsSatisfied;
        }
    }

    private final Set<Satisfaction> levels;
    private final Set<Satisfaction> countedAsSatisfied;

    /**
     * @param levels             the levels a citizen may give
     * @param countedAsSatisfied the levels that count as satisfied: some, not all, of {@code levels}
     */
    public ConfiguredSatisfactionScale(Collection<Satisfaction> levels, Collection<Satisfaction> countedAsSatisfied) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(countedAsSatisfied, "countedAsSatisfied");
        if (levels.isEmpty() || countedAsSatisfied.isEmpty()) {
            throw new IllegalArgumentException("A satisfaction scale needs levels, and some of them must count as "
                    + "satisfied");
        }
        this.levels = Collections.unmodifiableSet(EnumSet.copyOf(levels));
        this.countedAsSatisfied = Collections.unmodifiableSet(EnumSet.copyOf(countedAsSatisfied));
        if (!this.levels.containsAll(this.countedAsSatisfied)) {
            throw new IllegalArgumentException("Levels counted as satisfied " + this.countedAsSatisfied
                    + " must be on the scale " + this.levels);
        }
        if (this.levels.equals(this.countedAsSatisfied)) {
            throw new IllegalArgumentException("On the scale " + this.levels + " some level must count as not "
                    + "satisfied");
        }
    }

    public static ConfiguredSatisfactionScale of(Preset preset) {
        return new ConfiguredSatisfactionScale(preset.levels(), preset.countedAsSatisfied());
    }

    /** The national five-level scale. */
    public static ConfiguredSatisfactionScale fiveLevel() {
        return of(Preset.FIVE_LEVEL);
    }

    /** The three-level scale some cities use. */
    public static ConfiguredSatisfactionScale threeLevel() {
        return of(Preset.THREE_LEVEL);
    }

    @Override
    public boolean offers(Satisfaction level) {
        return levels.contains(level);
    }

    @Override
    public boolean countsAsSatisfied(Satisfaction level) {
        return countedAsSatisfied.contains(level);
    }

    public Set<Satisfaction> levels() {
        return levels;
    }

    public Set<Satisfaction> countedAsSatisfied() {
        return countedAsSatisfied;
    }

    @Override
    public String toString() {
        return "SatisfactionScale" + levels + ", satisfied " + countedAsSatisfied;
    }
}

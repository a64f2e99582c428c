package io.hotline.command.policy;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * 服务承诺: for each category and urgency, how long a unit has to sign for a case and to finish it. Cities differ
 * and change their commitments, so the table is configuration, never code.
 * <p>
 * A limit is looked up from the most specific rule to the least: the rule for the category and urgency, then
 * the rule for the urgency in any category, then the fallback. Each of the two limits is looked up on its own,
 * so a rule may set only the time to finish and inherit the time to sign for.
 */
public final class ServiceLevelPolicy {

    private final ServiceLevel fallback;
    private final List<Rule> rules;
    private final Map<Key, Rule> byKey;

    /** A complete pair of limits: what applies when no rule says otherwise. */
    public record ServiceLevel(TimeLimit signFor, TimeLimit finish) {
        public ServiceLevel {
            Objects.requireNonNull(signFor, "signFor: the fallback needs a time to sign for");
            Objects.requireNonNull(finish, "finish: the fallback needs a time to finish");
        }
    }

    /**
     * A commitment for one urgency, in one category or ({@code category} null) in any category. Either limit may
     * be left out (null) to take it from the next, less specific rule.
     */
    public record Rule(Category category, Urgency urgency, TimeLimit signFor, TimeLimit finish) {
        public Rule {
            Objects.requireNonNull(urgency, "urgency: every service-level rule names an urgency");
            if (signFor == null && finish == null) {
                throw new IllegalArgumentException("The service-level rule for " + (category == null ? "any category"
                        : category) + " and " + urgency + " sets neither sign-for nor finish");
            }
        }

        public static Rule forUrgency(Urgency urgency, TimeLimit signFor, TimeLimit finish) {
            return new Rule(null, urgency, signFor, finish);
        }

        public static Rule forCategory(Category category, Urgency urgency, TimeLimit signFor, TimeLimit finish) {
            return new Rule(Objects.requireNonNull(category, "category"), urgency, signFor, finish);
        }
    }

    private record Key(Category category, Urgency urgency) {
    }

    public ServiceLevelPolicy(ServiceLevel fallback, List<Rule> rules) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
        Map<Key, Rule> keyed = new HashMap<>();
        for (Rule rule : this.rules) {
            Rule earlier = keyed.putIfAbsent(new Key(rule.category(), rule.urgency()), rule);
            if (earlier != null) {
                throw new IllegalArgumentException("Two service-level rules for " + (rule.category() == null
                        ? "any category" : rule.category()) + " and " + rule.urgency() + ": " + earlier + " and "
                        + rule);
            }
        }
        this.byKey = Map.copyOf(keyed);
    }

    /** The time a unit has to sign for a case of this category and urgency. */
    public TimeLimit signFor(Category category, Urgency urgency) {
        return lookup(category, urgency, Rule::signFor).orElse(fallback.signFor());
    }

    /** The time a unit has to finish a case of this category and urgency, once it signed for it. */
    public TimeLimit finish(Category category, Urgency urgency) {
        return lookup(category, urgency, Rule::finish).orElse(fallback.finish());
    }

    public ServiceLevel fallback() {
        return fallback;
    }

    public List<Rule> rules() {
        return rules;
    }

    private Optional<TimeLimit> lookup(Category category, Urgency urgency, Function<Rule, TimeLimit> limit) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(urgency, "urgency");
        return Optional.ofNullable(byKey.get(new Key(category, urgency))).map(limit)
                .or(() -> Optional.ofNullable(byKey.get(new Key(null, urgency))).map(limit));
    }
}

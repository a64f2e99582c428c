package io.hotline.infra.sides;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sides a node runs (not to be confused with the people's roles, which the permission table governs):
 * {@code app.sides=command,query} (the default) runs both; {@code app.sides=command} a write-only node (aggregates,
 * the command API, the Open311 intake, the deadline watch, the erasure process), {@code app.sides=query} a
 * read-only node (projections and every read API). All nodes share the MongoDB store, so the two sides scale apart.
 * The setting's former name, {@code app.roles}, is still read, with a warning.
 */
public final class NodeSides {

    static final String PROPERTY = "app.sides";
    static final String FORMER_PROPERTY = "app.roles";
    private static final Logger log = LoggerFactory.getLogger(NodeSides.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private NodeSides() {
    }

    static boolean enabled(ConditionContext context, String side) {
        Binder binder = Binder.get(context.getEnvironment());
        BindResult<String[]> bound = binder.bind(PROPERTY, String[].class);
        if (!bound.isBound()) {
            bound = binder.bind(FORMER_PROPERTY, String[].class);
            if (bound.isBound() && WARNED.compareAndSet(false, true)) {
                log.warn("{} is the former name of {}: rename it", FORMER_PROPERTY, PROPERTY);
            }
        }
        List<String> sides = bound.map(List::of).orElse(List.of("command", "query"));
        return sides.stream().map(String::trim).anyMatch(side::equalsIgnoreCase);
    }

    /** True where this node runs the command side. */
    public static class CommandSideRuns implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context, "command");
        }
    }

    /** True where this node runs the query side. */
    public static class QuerySideRuns implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context, "query");
        }
    }

    /** The command side: the case aggregate, its policies and processes, the command HTTP API. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(CommandSideRuns.class)
    @ComponentScan(value = "io.hotline.command", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
    static class CommandSide {
    }

    /** The query side: projections, the read APIs, figures, Open311's reads, the auditors' tools. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(QuerySideRuns.class)
    @ComponentScan(value = "io.hotline.query", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
    static class QuerySide {
    }
}

package io.hotline.infra.roles;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

/**
 * The sides a node runs: {@code app.roles=command,query} (the default) runs both; {@code app.roles=command}
 * a write-only node (aggregates and the command API), {@code app.roles=query} a read-only node (projections,
 * the query API). All nodes share the MongoDB store, so the two sides scale apart.
 */
public final class Roles {

    static final String PROPERTY = "app.roles";

    private Roles() {
    }

    static boolean enabled(ConditionContext context, String role) {
        List<String> roles = Binder.get(context.getEnvironment())
                .bind(PROPERTY, String[].class)
                .map(List::of)
                .orElse(List.of("command", "query"));
        return roles.stream().map(String::trim).anyMatch(role::equalsIgnoreCase);
    }

    public static class CommandRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context, "command");
        }
    }

    public static class QueryRole implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context, "query");
        }
    }

    /** The command side: the case aggregate, its policies, the command HTTP API. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(CommandRole.class)
    @ComponentScan(value = "io.hotline.command", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
    static class CommandSide {
    }

    /** The query side: projections, query handlers, the query HTTP API, figures. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(QueryRole.class)
    @ComponentScan(value = "io.hotline.query", excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
    static class QuerySide {
    }
}

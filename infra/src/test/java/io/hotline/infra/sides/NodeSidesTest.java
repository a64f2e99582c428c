package io.hotline.infra.sides;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Which sides a node runs, from app.sides, or from its former name app.roles, or both by default. */
class NodeSidesTest {

    private static ConditionContext with(MockEnvironment environment) {
        ConditionContext context = mock(ConditionContext.class);
        when(context.getEnvironment()).thenReturn(environment);
        return context;
    }

    @Test
    void bothSidesRunUnlessSaidOtherwise() {
        ConditionContext context = with(new MockEnvironment());
        assertThat(NodeSides.enabled(context, "command")).isTrue();
        assertThat(NodeSides.enabled(context, "query")).isTrue();
    }

    @Test
    void aQueryNodeRunsOnlyTheQuerySide() {
        ConditionContext context = with(new MockEnvironment().withProperty("app.sides", "query"));
        assertThat(NodeSides.enabled(context, "command")).isFalse();
        assertThat(NodeSides.enabled(context, "query")).isTrue();
    }

    @Test
    void theFormerNameIsStillReadButTheNewOneWins() {
        assertThat(NodeSides.enabled(with(new MockEnvironment().withProperty("app.roles", "command")), "query"))
                .isFalse();
        assertThat(NodeSides.enabled(with(new MockEnvironment().withProperty("app.roles", "command")
                .withProperty("app.sides", "query")), "query")).isTrue();
    }
}

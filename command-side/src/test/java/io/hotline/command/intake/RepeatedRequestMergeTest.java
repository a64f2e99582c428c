package io.hotline.command.intake;

import io.hotline.command.cases.CaseRecordDamaged;
import io.hotline.command.cases.CaseRuleViolation;
import io.hotline.command.cases.Rejection;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.LinkRepeatedRequest;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 并单 as a process: the stored merge of the repeat leads to the link on the original, whatever fails between. */
class RepeatedRequestMergeTest {

    private static final Actor OPERATOR = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
    private static final CaseMerged MERGED = new CaseMerged("case-9", "case-0", "20261122-000042", OPERATOR,
            Instant.parse("2026-11-23T02:00:00Z"), "20261123-000009");
    private static final LinkRepeatedRequest LINK =
            new LinkRepeatedRequest("case-0", "case-9", "20261123-000009", OPERATOR);

    private final List<Object> sent = new ArrayList<>();
    /** What the handler answers the n-th command (counted from 1): nothing, or a failure it throws. */
    private Function<Integer, RuntimeException> outcome = attempt -> null;
    /** Axon's own bus and gateway, with a handler that records each link and answers as {@link #outcome} says. */
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();

    {
        bus.subscribe(LinkRepeatedRequest.class.getName(), message -> {
            sent.add(message.getPayload());
            RuntimeException failure = outcome.apply(sent.size());
            if (failure != null) {
                throw failure;
            }
            return null;
        });
    }

    private final RepeatedRequestMerge process =
            new RepeatedRequestMerge(DefaultCommandGateway.builder().commandBus(bus).build());

    @Test
    void aMergedRepeatIsLinkedOnTheOriginalInTheOperatorsName() {
        process.on(MERGED);
        assertThat(sent).containsExactly(LINK);
    }

    @Test
    void aFailureBetweenTheStepsLeavesTheEventToBeTriedAgainUntilTheLinkIsRecorded() {
        outcome = attempt -> attempt == 1 ? new IllegalStateException("the store is out of reach") : null;
        // The first try fails after the merge was stored: the failure reaches the processor, which keeps the event.
        assertThatThrownBy(() -> process.on(MERGED)).hasMessageContaining("out of reach");
        // The processor hands the same event in again; this time the original records the repeat.
        process.on(MERGED);
        assertThat(sent).containsExactly(LINK, LINK);
    }

    @Test
    void theOriginalsRefusalIsAnAnswerNotAFailureToRetry() {
        outcome = attempt -> new CommandExecutionException("refused",
                new CaseRuleViolation(Rejection.CASE_ENDED, "case-0"));
        process.on(MERGED);
        assertThat(sent).containsExactly(LINK);
    }

    /** A damaged original does not heal by retrying: waiting on it would stall every later merge. */
    @Test
    void anOriginalWhoseRecordIsDamagedIsAnAnswerToo() {
        outcome = attempt -> new CaseRecordDamaged("case-0", 3, 5);
        process.on(MERGED);
        assertThat(sent).containsExactly(LINK);
    }

    @Test
    void aMergeStoredBeforeTheProcessExistedWasLinkedByItsRequest() {
        process.on(new CaseMerged("case-9", "case-0", "20261122-000042", OPERATOR, MERGED.at()));
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailingStepStopsTheProcessorInsteadOfBeingSkipped() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new MergeProcessConfiguration().mergeProcessRetries().configureModule(configurer);
        Configuration configuration = configurer.buildConfiguration();
        assertThat(configuration.eventProcessingConfiguration()
                .listenerInvocationErrorHandler(RepeatedRequestMerge.PROCESSING_GROUP))
                .isSameAs(PropagatingErrorHandler.instance());
    }
}

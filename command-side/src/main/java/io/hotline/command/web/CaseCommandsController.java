package io.hotline.command.web;

import io.hotline.kernel.cases.*;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Citizen;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * One endpoint per case command. Each answers {@code 200} with the case's new version once the events are
 * stored; the case view can then be read with {@code ?atLeastVersion=} to see the change. Refusals come back
 * as problem+json: 403 (not your case, not your role), 404 (no such case), 409 (the case's state forbids it).
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
class CaseCommandsController {

    private final CommandGateway commands;
    private final Callers callers;

    CaseCommandsController(CommandGateway commands, Callers callers) {
        this.commands = commands;
        this.callers = callers;
    }

    @PostMapping("/redirect")
    Mono<CaseAcknowledged> redirect(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Redirect body) {
        return send(actor -> new RedirectCase(caseId, body.jurisdiction(), body.explanation(), actor));
    }

    /**
     * 并单: the original confirms it can take the repeat, then the repeat is merged into it. Recording the repeat
     * on the original follows from the stored merge, in the merge process ({@code RepeatedRequestMerge}), so a
     * failure after this answer is retried rather than lost.
     */
    @PostMapping("/merge")
    Mono<CaseReference> merge(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                              @Valid @RequestBody CaseCommandRequests.Merge body) {
        return callers.current().flatMap(actor ->
                this.<CaseReference>dispatch(new ConfirmMergeTarget(body.intoCaseId(), actor))
                        .flatMap(target -> this.<CaseReference>dispatch(
                                new MergeIntoCase(caseId, target.caseId(), target.caseNumber(), actor))));
    }

    @PostMapping("/resolve-at-intake")
    Mono<CaseAcknowledged> resolveAtIntake(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                           @Valid @RequestBody CaseCommandRequests.ResolveAtIntake body) {
        return send(actor -> new ResolveAtIntake(caseId, body.answer(), actor, body.articleId(),
                body.articleVersion()));
    }

    @PostMapping("/dispatch")
    Mono<CaseAcknowledged> dispatch(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Dispatch body) {
        return send(actor -> new DispatchCase(caseId, body.leadUnit(), body.assisting(), actor));
    }

    @PostMapping("/sign")
    Mono<CaseAcknowledged> sign(@PathVariable @Pattern(regexp = CASE_ID) String caseId) {
        return send(actor -> new SignForCase(caseId, actor));
    }

    @PostMapping("/objections")
    Mono<CaseAcknowledged> object(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                  @Valid @RequestBody CaseCommandRequests.Objection body) {
        return send(actor -> new ObjectToJurisdiction(caseId, body.reason(), actor));
    }

    @PostMapping("/redispatch")
    Mono<CaseAcknowledged> redispatch(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                      @Valid @RequestBody CaseCommandRequests.Redispatch body) {
        return send(actor -> new RedispatchCase(caseId, body.leadUnit(), body.assisting(), body.reason(), actor));
    }

    @PostMapping("/lead-designation")
    Mono<CaseAcknowledged> designate(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                     @Valid @RequestBody CaseCommandRequests.Redispatch body) {
        return send(actor -> new DesignateLeadUnit(caseId, body.leadUnit(), body.assisting(), body.reason(), actor));
    }

    @PostMapping("/transfer")
    Mono<CaseAcknowledged> transfer(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Transfer body) {
        return send(actor -> new TransferCase(caseId, body.toUnit(), body.reason(), actor));
    }

    @PostMapping("/dispatch-down")
    Mono<CaseAcknowledged> dispatchDown(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                        @Valid @RequestBody CaseCommandRequests.DispatchDown body) {
        return send(actor -> new DispatchDown(caseId, body.toUnit(), body.assisting(), body.instructions(), actor));
    }

    @PostMapping("/take-back")
    Mono<CaseAcknowledged> takeBack(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new TakeBackCase(caseId, body.reason(), actor));
    }

    @PostMapping("/objections/overruling")
    Mono<CaseAcknowledged> overrule(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new OverruleObjection(caseId, body.reason(), actor));
    }

    @PostMapping("/reply/approval")
    Mono<CaseAcknowledged> approveReply(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                        @Valid @RequestBody(required = false) CaseCommandRequests.ReviewComment body) {
        return send(actor -> new ApproveReply(caseId, body == null ? null : body.comment(), actor));
    }

    @PostMapping("/reply/return")
    Mono<CaseAcknowledged> returnReply(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                       @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new ReturnReply(caseId, body.reason(), actor));
    }

    @PostMapping("/progress")
    Mono<CaseAcknowledged> progress(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Note body) {
        return send(actor -> new RecordProgress(caseId, body.note(), actor));
    }

    @PostMapping("/material-requests")
    Mono<CaseAcknowledged> requestMaterials(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                            @Valid @RequestBody CaseCommandRequests.MaterialRequest body) {
        return send(actor -> new RequestMaterials(caseId, body.items(), actor));
    }

    @PostMapping("/extensions")
    Mono<CaseAcknowledged> requestExtension(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                            @Valid @RequestBody CaseCommandRequests.ExtensionRequest body) {
        return send(actor -> new RequestExtension(caseId, body.extraWorkingDays(), body.reason(), actor));
    }

    @PostMapping("/extensions/approval")
    Mono<CaseAcknowledged> approveExtension(@PathVariable @Pattern(regexp = CASE_ID) String caseId) {
        return send(actor -> new ApproveExtension(caseId, actor));
    }

    @PostMapping("/extensions/rejection")
    Mono<CaseAcknowledged> rejectExtension(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                           @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new RejectExtension(caseId, body.reason(), actor));
    }

    @PostMapping("/reply")
    Mono<CaseAcknowledged> reply(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                 @Valid @RequestBody CaseCommandRequests.Reply body) {
        return send(actor -> new ReplyToCitizen(caseId, body.result(), body.text(), actor));
    }

    @PostMapping("/feedback")
    Mono<CaseAcknowledged> feedback(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Feedback body) {
        return send(actor -> new RecordFeedback(caseId, body.channel(), body.satisfaction(), body.solved(),
                body.comment(), actor));
    }

    @PostMapping("/reopen")
    Mono<CaseAcknowledged> reopen(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                  @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new ReopenCase(caseId, body.reason(), actor));
    }

    @PostMapping("/supervision")
    Mono<CaseAcknowledged> supervise(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                     @Valid @RequestBody(required = false) CaseCommandRequests.SupervisionNote body) {
        return send(actor -> new SuperviseCase(caseId, body == null ? null : body.note(), actor));
    }

    @PostMapping("/urging")
    Mono<CaseAcknowledged> urge(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                @Valid @RequestBody(required = false) CaseCommandRequests.SupervisionNote body) {
        return send(actor -> new UrgeCase(caseId, body == null ? null : body.note(), actor));
    }

    @PostMapping("/close")
    Mono<CaseAcknowledged> close(@PathVariable @Pattern(regexp = CASE_ID) String caseId) {
        return send(actor -> new CloseCase(caseId, actor));
    }

    @PostMapping("/withdraw")
    Mono<CaseAcknowledged> withdraw(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                                    @Valid @RequestBody CaseCommandRequests.Reason body) {
        return send(actor -> new WithdrawCase(caseId, body.reason(), actor));
    }

    /** The unmasked contact, for a stated reason; the reveal is recorded in the case's history. */
    @PostMapping("/personal-data/reveal")
    Mono<Citizen> reveal(@PathVariable @Pattern(regexp = CASE_ID) String caseId,
                         @Valid @RequestBody CaseCommandRequests.Reason body) {
        return callers.current().flatMap(actor -> dispatch(new RevealPersonalData(caseId, body.reason(), actor)));
    }

    static final String CASE_ID = "[A-Za-z0-9-]{1,64}";

    private Mono<CaseAcknowledged> send(Function<Actor, Object> command) {
        return callers.current().map(command).flatMap(this::dispatch);
    }

    private <R> Mono<R> dispatch(Object command) {
        return Mono.fromFuture(() -> commands.<R>send(command));
    }
}

package io.hotline.command.intake;

import io.hotline.command.web.Callers;
import io.hotline.kernel.cases.CaseIds;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
import io.hotline.kernel.citizen.QueryCodes;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * 受理: operators log requests here. Answers {@code 201} with the new case, or {@code 200} with the case
 * already registered under the same request id. A 2xx means the registration event is stored. The answer carries
 * the case's 查询码 ({@link RegistrationAnswer}) for the operator to read out.
 */
@RestController
@RequestMapping("/api/v1/cases")
class IntakeController {

    private final CommandGateway commands;
    private final Callers callers;
    private final QueryCodes queryCodes;

    IntakeController(CommandGateway commands, Callers callers, QueryCodes queryCodes) {
        this.commands = commands;
        this.callers = callers;
        this.queryCodes = queryCodes;
    }

    @PostMapping
    Mono<ResponseEntity<RegistrationAnswer>> register(@Valid @RequestBody RegisterCaseRequest request) {
        return callers.current()
                .map(actor -> new RegisterCase(CaseIds.forRequest(request.requestId()), request.requestId(),
                        request.channel(), request.category(), request.urgencyOrDefault(), request.title(),
                        request.content(), request.citizen().toCitizen(), request.area(), actor))
                .flatMap(command -> Mono.fromFuture(commands.<RegistrationReceipt>send(command)))
                .map(receipt -> receipt.newlyRegistered()
                        ? ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId()))
                                .body(RegistrationAnswer.of(receipt, queryCodes))
                        : ResponseEntity.status(HttpStatus.OK).body(RegistrationAnswer.of(receipt, queryCodes)));
    }
}

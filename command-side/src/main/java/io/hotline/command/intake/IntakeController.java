package io.hotline.command.intake;

import io.hotline.command.web.Callers;
import io.hotline.kernel.cases.CaseIds;
import io.hotline.kernel.cases.RegisterCase;
import io.hotline.kernel.cases.RegistrationReceipt;
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
 * already registered under the same request id. A 2xx means the registration event is stored.
 */
@RestController
@RequestMapping("/api/v1/cases")
class IntakeController {

    private final CommandGateway commands;
    private final Callers callers;

    IntakeController(CommandGateway commands, Callers callers) {
        this.commands = commands;
        this.callers = callers;
    }

    @PostMapping
    Mono<ResponseEntity<RegistrationReceipt>> register(@Valid @RequestBody RegisterCaseRequest request) {
        return callers.current()
                .map(actor -> new RegisterCase(CaseIds.forRequest(request.requestId()), request.requestId(),
                        request.channel(), request.category(), request.urgencyOrDefault(), request.title(),
                        request.content(), request.citizen().toCitizen(), request.area(), actor))
                .flatMap(command -> Mono.fromFuture(commands.<RegistrationReceipt>send(command)))
                .map(receipt -> receipt.newlyRegistered()
                        ? ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId())).body(receipt)
                        : ResponseEntity.status(HttpStatus.OK).body(receipt));
    }
}

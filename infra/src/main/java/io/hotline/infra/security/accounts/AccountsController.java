package io.hotline.infra.security.accounts;

import io.hotline.infra.security.SignedInPerson;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * The administrator's account desk (local mode only; with an identity provider, accounts live there). The access
 * rules let only {@code ADMIN} in. Accounts are disabled, never deleted: the event log names their users forever.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
@ConditionalOnProperty(name = "app.security.mode", havingValue = "local", matchIfMissing = true)
class AccountsController {

    private static final Logger log = LoggerFactory.getLogger(AccountsController.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;

    AccountsController(Accounts accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<AccountView>> create(@Valid @RequestBody NewAccount request,
                                             @AuthenticationPrincipal SignedInPerson admin) {
        if (request.standInForOrNone().contains(request.username())) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "standInFor: nobody stands in for themselves"));
        }
        Instant now = clock.instant();
        return Mono.fromCallable(() -> passwords.encode(request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(hash -> new Account(request.username(), hash, request.unit(), request.roles(), true,
                        request.standInForOrNone(), now, admin.username(), now, admin.username()))
                .flatMap(accounts::create)
                .onErrorMap(Accounts.AccountExists.class,
                        e -> new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage()))
                .doOnNext(account -> log.info("Account {} created by {} (unit {}, roles {})", account.username(),
                        admin.username(), account.unit(), account.roles()))
                .map(account -> ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + account.username()))
                        .body(AccountView.of(account)));
    }

    @GetMapping
    Flux<AccountView> list() {
        return accounts.all().map(AccountView::of);
    }

    @GetMapping("/{username}")
    Mono<AccountView> one(@PathVariable String username) {
        return accounts.find(username).map(AccountView::of).switchIfEmpty(Mono.error(() -> unknown(username)));
    }

    @PutMapping("/{username}/password")
    Mono<ResponseEntity<Void>> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword request,
                                              @AuthenticationPrincipal SignedInPerson admin) {
        return Mono.fromCallable(() -> passwords.encode(request.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> accounts.changePassword(username, hash, admin.username(), clock.instant()))
                .flatMap(found -> done(found, username, () -> log.info("Password of account {} changed by {}",
                        username, admin.username())));
    }

    @PostMapping("/{username}/disable")
    Mono<ResponseEntity<Void>> disable(@PathVariable String username, @AuthenticationPrincipal SignedInPerson admin) {
        if (username.equals(admin.username())) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONFLICT,
                    "an administrator cannot disable their own account"));
        }
        return accounts.setEnabled(username, false, admin.username(), clock.instant())
                .flatMap(found -> done(found, username, () -> log.info("Account {} disabled by {}", username,
                        admin.username())));
    }

    @PostMapping("/{username}/enable")
    Mono<ResponseEntity<Void>> enable(@PathVariable String username, @AuthenticationPrincipal SignedInPerson admin) {
        return accounts.setEnabled(username, true, admin.username(), clock.instant())
                .flatMap(found -> done(found, username, () -> log.info("Account {} enabled by {}", username,
                        admin.username())));
    }

    private static Mono<ResponseEntity<Void>> done(boolean found, String username, Runnable audit) {
        if (!found) {
            return Mono.error(unknown(username));
        }
        audit.run();
        return Mono.just(ResponseEntity.noContent().build());
    }

    private static ResponseStatusException unknown(String username) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no account named " + username);
    }
}

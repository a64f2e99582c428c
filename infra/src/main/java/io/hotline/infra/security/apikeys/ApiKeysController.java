package io.hotline.infra.security.apikeys;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.security.Principal;

/**
 * Administrators issue and revoke the reporting apps' API keys. Under {@code /api/v1/admin/}, so the access rules
 * let only the {@code ADMIN} role in; failures answer problem+json like the rest of the admin API.
 */
@RestController
@RequestMapping("/api/v1/admin/open311/keys")
class ApiKeysController {

    private final ApiKeys keys;

    ApiKeysController(ApiKeys keys) {
        this.keys = keys;
    }

    /** {@code 201} with the key, shown this once. */
    @PostMapping
    Mono<ResponseEntity<IssuedApiKey>> issue(@Valid @RequestBody NewApiKey request, Mono<Principal> admin) {
        return admin.map(Principal::getName)
                .flatMap(issuer -> keys.issue(request.name().strip(), issuer))
                .map(issued -> ResponseEntity.created(URI.create("/api/v1/admin/open311/keys/" + issued.keyId()))
                        .body(issued));
    }

    @GetMapping
    Flux<ApiKeyView> list() {
        return keys.all();
    }

    @GetMapping("/{keyId}")
    Mono<ApiKeyView> one(@PathVariable String keyId) {
        return known(keyId).flatMap(keys::find).switchIfEmpty(Mono.error(notFound()));
    }

    /** Revokes the key at once, on every node (each request checks the stored key); {@code 200} with its record. */
    @DeleteMapping("/{keyId}")
    Mono<ApiKeyView> revoke(@PathVariable String keyId, Mono<Principal> admin) {
        return known(keyId).zipWith(admin.map(Principal::getName))
                .flatMap(both -> keys.revoke(both.getT1(), both.getT2()))
                .switchIfEmpty(Mono.error(notFound()));
    }

    private static Mono<String> known(String keyId) {
        return ApiKeys.looksLikeKeyId(keyId) ? Mono.just(keyId) : Mono.error(notFound());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such API key");
    }
}

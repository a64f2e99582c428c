package io.hotline.command.open311;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;

import java.util.Set;

/**
 * A reporting app holding a valid API key: the key's id and the name the administrator gave it.
 * <p>
 * It files requests as an intake operator of the hotline ({@code open311:<keyId>}, unit {@code HOTLINE}, role
 * {@code OPERATOR}): registering is an operator's act in the case's rules, and an administrator issuing a key is
 * what lets this app take that one act (and no other: the key opens nothing else). The case history then names
 * the app that filed each request.
 */
public record ApiClient(String keyId, String name) {

    Actor actor() {
        return new Actor("open311:" + keyId, "HOTLINE", null, Set.of(Role.OPERATOR));
    }
}

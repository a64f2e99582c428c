package io.hotline.infra.security.accounts;

import io.hotline.infra.security.SignedInPerson;
import io.hotline.kernel.common.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Set;

/**
 * A local account in the {@code accounts} collection, keyed by user name ({@code _id}), so every lookup is a
 * unique-key lookup. The password is kept only as a delegating hash ({@code {bcrypt}…}) and never leaves this
 * class's store: views of an account ({@link AccountView}) have no hash.
 *
 * @param standInFor the user names this person may stand in for under the A/B role rule (AB角)
 */
@Document(Accounts.COLLECTION)
record Account(@Id String username, String passwordHash, String unit, Set<Role> roles, boolean enabled,
               Set<String> standInFor, Instant createdAt, String createdBy, Instant changedAt, String changedBy) {

    Account {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        standInFor = standInFor == null ? Set.of() : Set.copyOf(standInFor);
    }

    SignedInPerson person() {
        return new SignedInPerson(username, unit, roles, standInFor);
    }

    /** Keeps the hash out of any log line or debugger view that prints the record. */
    @Override
    public String toString() {
        return "Account[" + username + ", unit " + unit + ", roles " + roles + (enabled ? "" : ", disabled") + "]";
    }
}

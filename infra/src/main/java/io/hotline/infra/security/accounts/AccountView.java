package io.hotline.infra.security.accounts;

import io.hotline.kernel.common.Role;

import java.time.Instant;
import java.util.List;

/** An account as the admin API shows it: everything but the password hash. */
record AccountView(String username, String unit, List<Role> roles, List<String> standInFor, boolean enabled,
                   Instant createdAt, String createdBy, Instant changedAt, String changedBy) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.unit(), account.roles().stream().sorted().toList(),
                account.standInFor().stream().sorted().toList(), account.enabled(), account.createdAt(),
                account.createdBy(), account.changedAt(), account.changedBy());
    }
}

package io.hotline.infra.security.accounts;

import io.hotline.infra.security.SignedInPerson;
import io.hotline.kernel.common.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * An account as the administrator asks for it ({@code POST /api/v1/admin/accounts}), checked at the edge.
 *
 * @param unit       the unit's code, as in the dispatch catalogue ({@code HOTLINE} for the hotline's own staff)
 * @param standInFor the colleagues this person may stand in for (AB角); may name accounts created later
 */
record NewAccount(
        @NotNull @Pattern(regexp = SignedInPerson.USERNAME_PATTERN,
                message = "must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
        @NotNull @AcceptablePassword String password,
        @NotNull @Pattern(regexp = SignedInPerson.UNIT_PATTERN,
                message = "must be 2 to 32 capital letters, digits or '-'")
        String unit,
        @NotEmpty Set<@NotNull Role> roles,
        @Size(max = 20) Set<@NotNull @Pattern(regexp = SignedInPerson.USERNAME_PATTERN, message = "must be a user name")
                String> standInFor) {

    Set<String> standInForOrNone() {
        return standInFor == null ? Set.of() : standInFor;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewAccount[" + username + ", unit " + unit + ", roles " + roles + "]";
    }
}

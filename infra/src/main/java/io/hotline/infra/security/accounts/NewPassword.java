package io.hotline.infra.security.accounts;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/admin/accounts/{username}/password}: the new password, replacing the old one outright. */
record NewPassword(@NotNull @AcceptablePassword String password) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "NewPassword[…]";
    }
}

package io.hotline.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in ({@code app.security.*}, defaults in {@code hotline-security.yml}).
 *
 * @param mode          {@code local}: accounts kept in MongoDB, HTTP Basic and a sign-in form; {@code oidc}: the
 *                      city's identity provider issues JWTs and this app only checks them
 * @param adminPassword the first administrator's password, used only when no account exists yet
 *                      ({@code HOTLINE_ADMIN_PASSWORD}); when empty a random one is generated and logged once
 * @param oidc          the token claims that carry the unit, the roles and the A/B stand-in list
 */
@ConfigurationProperties("app.security")
public record SecuritySettings(@DefaultValue("local") Mode mode, String adminPassword, @DefaultValue Oidc oidc) {

    /** Where identities come from. */
    public enum Mode {
        LOCAL, OIDC
    }

    /**
     * Claim names; a dotted name ({@code realm_access.roles}) walks into nested claims, as Keycloak nests roles.
     *
     * @param usernameClaim   the person's user name; {@code sub} is used when the token lacks it
     * @param rolesClaim      a list (or a space/comma separated string) of {@link io.hotline.kernel.common.Role} names
     * @param unitClaim       the code of the unit the person works for
     * @param standInForClaim the user names this person may stand in for (AB角)
     */
    public record Oidc(@DefaultValue("preferred_username") String usernameClaim,
                       @DefaultValue("roles") String rolesClaim,
                       @DefaultValue("unit") String unitClaim,
                       @DefaultValue("stand_in_for") String standInForClaim) {
    }
}

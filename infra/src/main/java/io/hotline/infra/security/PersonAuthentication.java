package io.hotline.infra.security;

import io.hotline.kernel.common.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Objects;

/**
 * The one authentication the rest of the app sees: both sign-in modes end here, so the access rules, the
 * caller identification and {@code /api/v1/me} never care whether a password or a token was checked.
 * Roles become {@code ROLE_*} authorities for the path rules.
 */
public final class PersonAuthentication extends AbstractAuthenticationToken {

    private final SignedInPerson person;

    public PersonAuthentication(SignedInPerson person) {
        super(person.roles().stream().map(PersonAuthentication::authority).map(SimpleGrantedAuthority::new).toList());
        this.person = person;
        setAuthenticated(true);
    }

    public static String authority(Role role) {
        return "ROLE_" + role.name();
    }

    public SignedInPerson person() {
        return person;
    }

    @Override
    public SignedInPerson getPrincipal() {
        return person;
    }

    /** Nothing secret is kept once signed in. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return person.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonAuthentication that && super.equals(that) && person.equals(that.person);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), person);
    }
}

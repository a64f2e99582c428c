package io.hotline.infra.security;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who signed in, whichever way they did (a local account or an identity provider's token): their user name, the
 * unit they work for, their roles, and the colleagues they may stand in for under the A/B role rule (AB角).
 * It becomes the {@link Actor} that every command and event carries.
 */
public record SignedInPerson(String username, String unit, Set<Role> roles, Set<String> standInFor) {

    /** Local user names: lower case so that "Li" and "li" can never be two people. */
    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

    /** Unit codes as the dispatch catalogue names them. */
    public static final String UNIT_PATTERN = "[A-Z0-9-]{2,32}";

    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    public SignedInPerson {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(unit, "unit");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        standInFor = standInFor == null ? Set.of() : Set.copyOf(standInFor);
    }

    /** Whether an account has named this person stand-in (B角) for {@code absentUser}. */
    public boolean mayStandInFor(String absentUser) {
        return absentUser != null && standInFor.contains(absentUser);
    }

    /** The actor acting in their own name, or for {@code absentUser} when non-null. */
    public Actor actor(String absentUser) {
        return new Actor(username, unit, absentUser, roles);
    }

    /** True for a string shaped like a local user name (used before echoing a name into logs). */
    public static boolean looksLikeUsername(String candidate) {
        return candidate != null && USERNAME.matcher(candidate).matches();
    }
}

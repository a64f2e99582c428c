package io.hotline.infra.security.oidc;

import io.hotline.infra.security.PersonAuthentication;
import io.hotline.infra.security.SecuritySettings;
import io.hotline.infra.security.SignedInPerson;
import io.hotline.kernel.common.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the person out of a verified token: the user name ({@code preferred_username}, else {@code sub}), the
 * unit, the roles and the stand-in list, from claims whose names are configuration because every identity provider
 * names them its own way. A token without a usable unit is refused (401): every actor acts for a unit.
 *
 * <p>Role values are matched leniently ({@code operator}, {@code ROLE_OPERATOR} and {@code unit-handler} all
 * count); values naming no role of this app are ignored, since a shared identity provider carries other apps'
 * roles too.
 */
final class TokenClaims implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private static final Logger log = LoggerFactory.getLogger(TokenClaims.class);
    private static final Pattern UNIT = Pattern.compile(SignedInPerson.UNIT_PATTERN);
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private final SecuritySettings.Oidc claims;

    TokenClaims(SecuritySettings.Oidc claims) {
        this.claims = claims;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> new PersonAuthentication(person(jwt)));
    }

    SignedInPerson person(Jwt jwt) {
        List<String> names = strings(claim(jwt.getClaims(), claims.usernameClaim()));
        String username = names.isEmpty() ? jwt.getSubject() : names.get(0);
        if (username == null || username.isBlank()) {
            throw new BadJwtException("the token names nobody (no " + claims.usernameClaim() + " and no sub)");
        }
        List<String> units = strings(claim(jwt.getClaims(), claims.unitClaim()));
        String unit = units.isEmpty() ? null : units.get(0).toUpperCase(Locale.ROOT);
        if (unit == null || !UNIT.matcher(unit).matches()) {
            throw new BadJwtException("the token carries no unit code in claim " + claims.unitClaim());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : strings(claim(jwt.getClaims(), claims.rolesClaim()))) {
            role(value).ifPresent(roles::add);
        }
        Set<String> standInFor = new LinkedHashSet<>(strings(claim(jwt.getClaims(), claims.standInForClaim())));
        if (roles.isEmpty()) {
            log.debug("Token of {} carries none of this app's roles in claim {}", username, claims.rolesClaim());
        }
        return new SignedInPerson(username, unit, roles, standInFor);
    }

    private static Optional<Role> role(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.startsWith("ROLE_")) {
            name = name.substring("ROLE_".length());
        }
        String candidate = name;
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(candidate)).findFirst();
    }

    /** The value at a dotted claim path ({@code realm_access.roles}), or null. */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    /** A claim as strings: a list as is, a string split on spaces and commas (as OAuth scopes are). */
    static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        if (value instanceof String text) {
            return SEPARATORS.splitAsStream(text.trim()).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}

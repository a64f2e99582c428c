package io.hotline.infra.security;

import io.hotline.kernel.common.Role;

import java.util.List;

/**
 * What the console shows about the signed-in person ({@code GET /api/v1/me}).
 *
 * @param standInFor    the colleagues this person may stand in for (AB角)
 * @param standingInFor the colleague this very request acts for, when the request named one
 */
public record Me(String username, String unit, List<Role> roles, List<String> standInFor, String standingInFor) {

    public static Me of(SignedInPerson person, String standingInFor) {
        return new Me(person.username(), person.unit(), person.roles().stream().sorted().toList(),
                person.standInFor().stream().sorted().toList(), standingInFor);
    }
}

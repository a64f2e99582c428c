package io.hotline.kernel.access;

import io.hotline.kernel.common.Role;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static io.hotline.kernel.access.Action.*;
import static io.hotline.kernel.common.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    @Test
    void everyActionIsGrantedToSomeRole() {
        for (Action action : Action.values()) {
            assertThat(Permissions.rolesAllowedTo(action)).as(action.name()).isNotEmpty();
        }
    }

    @Test
    void aUnitHandlerActsOnlyOnTheCasesItsUnitLeads() {
        assertThat(Permissions.unitRule(Set.of(UNIT_HANDLER), SIGN_FOR)).contains(UnitRule.LEAD_UNIT);
        assertThat(Permissions.unitRule(Set.of(UNIT_HANDLER), RECORD_PROGRESS))
                .contains(UnitRule.LEAD_OR_ASSISTING_UNIT);
        assertThat(Permissions.unitRule(Set.of(UNIT_HANDLER), READ_CASES)).contains(UnitRule.OWN_UNIT);
    }

    @Test
    void aPersonWithSeveralRolesGetsTheWidestUnitRule() {
        assertThat(Permissions.unitRule(Set.of(UNIT_HANDLER, OPERATOR), READ_CASES)).contains(UnitRule.ANY_UNIT);
    }

    @Test
    void theUnitRulesAreOrderedWidestFirst() {
        assertThat(UnitRule.ANY_UNIT.widerThan(UnitRule.OWN_UNIT)).isTrue();
        assertThat(UnitRule.OWN_UNIT.widerThan(UnitRule.LEAD_OR_ASSISTING_UNIT)).isTrue();
        assertThat(UnitRule.LEAD_OR_ASSISTING_UNIT.widerThan(UnitRule.LEAD_UNIT)).isTrue();
        assertThat(UnitRule.LEAD_UNIT.widerThan(UnitRule.LEAD_UNIT)).isFalse();
    }

    @Test
    void anAuditorChangesNothing() {
        assertThat(Permissions.actionsOf(Set.of(AUDITOR)))
                .containsExactlyInAnyOrder(REVEAL_PERSONAL_DATA, READ_CASES, AUDIT, VERIFY_LOG);
    }

    @Test
    void noRoleNoAction() {
        assertThat(Permissions.actionsOf(Set.of())).isEmpty();
        assertThat(Permissions.allows(EnumSet.noneOf(Role.class), READ_CASES)).isFalse();
    }

    @Test
    void onlyAnOperatorRegistersAndDispatches() {
        assertThat(Permissions.rolesAllowedTo(REGISTER)).containsExactly(OPERATOR);
        assertThat(Permissions.rolesAllowedTo(DISPATCH)).containsExactly(OPERATOR);
        assertThat(Permissions.rolesAllowedTo(REDISPATCH)).containsExactlyInAnyOrder(OPERATOR, COORDINATOR);
    }
}

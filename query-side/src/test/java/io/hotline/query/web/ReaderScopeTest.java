package io.hotline.query.web;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReaderScopeTest {

    @Test
    void aUnitHandlerSeesOnlyTheirUnitAndAlwaysGetsTheirOwnInbox() {
        ReaderScope scope = ReaderScope.of(Actor.of("h1", "WATER", Role.UNIT_HANDLER));
        assertThat(scope.everything()).isFalse();
        assertThat(scope.unit()).isEqualTo("WATER");
        assertThat(scope.inboxUnit("GAS")).isEqualTo("WATER");
        assertThat(scope.inboxUnit(null)).isEqualTo("WATER");
    }

    @Test
    void operatorsSupervisorsAuditorsCoordinatorsAndAdminsReadEverything() {
        for (Role role : new Role[]{Role.OPERATOR, Role.SUPERVISOR, Role.AUDITOR, Role.COORDINATOR, Role.ADMIN}) {
            ReaderScope scope = ReaderScope.of(Actor.of("u", "HOTLINE", Role.UNIT_HANDLER, role));
            assertThat(scope.everything()).as(role.name()).isTrue();
            assertThat(scope.unit()).isNull();
            assertThat(scope.inboxUnit("GAS")).isEqualTo("GAS");
        }
    }

    @Test
    void aReaderWithoutAnyReadingRoleIsScopedToTheirUnit() {
        assertThat(ReaderScope.of(Actor.of("nobody", "WATER")).unit()).isEqualTo("WATER");
    }
}

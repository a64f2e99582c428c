package io.hotline.infra.security.accounts;

import io.hotline.kernel.common.Role;
import io.hotline.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSignInsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final RecentSignIns recent = new RecentSignIns(Duration.ofMinutes(10), clock);
    private final Account account = account("{bcrypt}$2a$10$first");

    @Test
    void aMatchedPasswordIsRememberedForAWhile() {
        recent.remember(account, "a-long-secret-1");
        assertThat(recent.matchedRecently(account, "a-long-secret-1")).isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(recent.matchedRecently(account, "a-long-secret-1")).isFalse();
    }

    @Test
    void anotherPasswordIsNeverTakenForIt() {
        recent.remember(account, "a-long-secret-1");
        assertThat(recent.matchedRecently(account, "a-long-secret-2")).isFalse();
    }

    @Test
    void changingThePasswordForgetsTheOldOne() {
        recent.remember(account, "a-long-secret-1");
        assertThat(recent.matchedRecently(account("{bcrypt}$2a$10$second"), "a-long-secret-1")).isFalse();
    }

    private static Account account(String hash) {
        return new Account("op-li", hash, "HOTLINE", Set.of(Role.OPERATOR), true, Set.of(), null, null, null, null);
    }
}

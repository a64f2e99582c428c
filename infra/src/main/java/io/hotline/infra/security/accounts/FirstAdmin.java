package io.hotline.infra.security.accounts;

import io.hotline.infra.security.SecuritySettings;
import io.hotline.kernel.common.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The first administrator, created at the first start when no account exists, so that a fresh install can be
 * signed in to and no install shares a default password with another. The password is
 * {@code app.security.admin-password} ({@code HOTLINE_ADMIN_PASSWORD}) when set, otherwise a random one that is
 * logged once, at WARN, at creation and never again. Two nodes starting together both try; the store keeps one.
 * Once accounts exist the setting does nothing; when it is set then, a WARN says so, because an operator who sets
 * it on a store that already has accounts expects to sign in with it and otherwise learns only from a 401.
 */
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String UNIT = "HOTLINE";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SecuritySettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FirstAdmin(Accounts accounts, PasswordEncoder passwords, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ensure().block(Duration.ofMinutes(1));
    }

    /** Creates the administrator if there is no account at all; otherwise only warns if the setting is ignored. */
    Mono<Void> ensure() {
        return accounts.anyExists().flatMap(exists -> exists ? warnIfIgnored() : create());
    }

    private Mono<Void> warnIfIgnored() {
        String configured = settings.adminPassword();
        if (configured != null && !configured.isBlank()) {
            log.warn("app.security.admin-password (HOTLINE_ADMIN_PASSWORD) is set but ignored: accounts exist "
                    + "already, so no administrator is created and no password is changed. Sign in with the "
                    + "existing administrator's password, or start on an empty data folder.");
        }
        return Mono.empty();
    }

    private Mono<Void> create() {
        String configured = settings.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        if (!generated && AcceptablePassword.Check.problem(configured) != null) {
            return Mono.error(new IllegalStateException("app.security.admin-password (HOTLINE_ADMIN_PASSWORD) "
                    + AcceptablePassword.Check.problem(configured)));
        }
        String password = generated ? generate() : configured;
        Instant now = clock.instant();
        Account admin = new Account(USERNAME, passwords.encode(password), UNIT, Set.of(Role.ADMIN), true, Set.of(),
                now, "first start", now, "first start");
        return accounts.create(admin)
                .doOnNext(created -> {
                    if (generated) {
                        log.warn("No account existed: created the administrator '{}' with the generated password {}"
                                + " . It is shown only this once: sign in and change it (PUT /api/v1/admin/accounts/"
                                + "{}/password), or set HOTLINE_ADMIN_PASSWORD before a first start.",
                                USERNAME, password, USERNAME);
                    } else {
                        log.warn("No account existed: created the administrator '{}' with the password from "
                                + "app.security.admin-password (HOTLINE_ADMIN_PASSWORD).", USERNAME);
                    }
                })
                .onErrorResume(Accounts.AccountExists.class, e -> {
                    log.info("The administrator '{}' was created by another node meanwhile", USERNAME);
                    return Mono.empty();
                })
                .then();
    }

    private String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

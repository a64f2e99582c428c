package io.hotline.infra.security.accounts;

import io.hotline.infra.security.PersonAuthentication;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a user name and password against the {@code accounts} collection, for HTTP Basic and the sign-in form
 * alike. The hash check runs off the event loop (bcrypt is slow on purpose), an unknown user name costs as much
 * time as a wrong password, and a disabled account is reported only to whoever knows its password.
 */
class AccountSignIn implements ReactiveAuthenticationManager {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String decoyHash;
    private final RecentSignIns recent;

    AccountSignIn(Accounts accounts, PasswordEncoder passwords, RecentSignIns recent) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.recent = recent;
        this.decoyHash = passwords.encode("a decoy that keeps unknown names as slow as known ones");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().trim().toLowerCase(Locale.ROOT);
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        return accounts.find(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> account.isPresent() && account.get().enabled()
                        && recent.matchedRecently(account.get(), password)
                        ? Mono.just(new PersonAuthentication(account.get().person()))
                        : Mono.just(account).publishOn(Schedulers.boundedElastic()).map(a -> check(a, password)));
    }

    private Authentication check(Optional<Account> found, String password) {
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            throw new BadCredentialsException("wrong user name or password");
        }
        Account account = found.get();
        if (!passwords.matches(password, account.passwordHash())) {
            throw new BadCredentialsException("wrong user name or password");
        }
        if (!account.enabled()) {
            throw new DisabledException("account disabled");
        }
        recent.remember(account, password);
        return new PersonAuthentication(account.person());
    }
}

package io.hotline.infra.security.accounts;

import io.hotline.infra.security.PersonAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The console's sign-in session, re-read against the account on every request: a disabled account is signed
 * out at its next click, and a change of roles, unit or stand-ins applies at once instead of at the next sign-in.
 * One lookup by {@code _id} per request.
 */
class FreshAccountSessions implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final Accounts accounts;

    FreshAccountSessions(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessions.load(exchange)
                .map(SecurityContext::getAuthentication)
                .filter(PersonAuthentication.class::isInstance)
                .flatMap(authentication -> accounts.find(authentication.getName()))
                .filter(Account::enabled)
                .map(account -> new SecurityContextImpl(new PersonAuthentication(account.person())));
    }
}

package io.hotline.infra.security.accounts;

import io.hotline.infra.security.Colleagues;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hotline.infra.security.ConsoleCsrf;
import io.hotline.infra.security.Refusals;
import io.hotline.infra.security.SecuritySettings;
import io.hotline.infra.security.SignInMode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.web.server.ServerHttpSecurity;

import java.time.Clock;

/**
 * {@code app.security.mode=local} (the default): accounts in MongoDB; scripts send HTTP Basic on every call, the
 * console signs in once through {@code POST /login} and keeps a session cookie guarded by a CSRF token
 * (see {@code ConsoleCsrf}). Passwords are stored as delegating hashes ({@code {bcrypt}…}), so a stronger
 * algorithm can be adopted later without invalidating the existing ones.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.security.mode", havingValue = "local", matchIfMissing = true)
class LocalAccountsSignIn {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    Accounts accounts(ReactiveMongoTemplate mongo) {
        return new Accounts(mongo);
    }

    @Bean
    AccountSignIn accountSignIn(Accounts accounts, PasswordEncoder passwords,
                                @org.springframework.beans.factory.annotation.Value(
                                        "${app.security.remember-sign-in:PT10M}") java.time.Duration remember) {
        // The wall clock, not the app's (tests pin that one): this is about CPU, not about business time.
        return new AccountSignIn(accounts, passwords, new RecentSignIns(remember, java.time.Clock.systemUTC()));
    }

    @Bean
    FirstAdmin firstAdmin(Accounts accounts, PasswordEncoder passwords, SecuritySettings settings, Clock clock) {
        return new FirstAdmin(accounts, passwords, settings, clock);
    }

    @Bean
    Colleagues colleagues(Accounts accounts) {
        return username -> accounts.find(username.toLowerCase(java.util.Locale.ROOT)).map(Account::enabled);
    }

    @Bean
    SignInMode localSignIn(AccountSignIn signIn, Accounts accounts, Refusals refusals, ObjectMapper json,
                           MeterRegistry meters) {
        FreshAccountSessions sessions = new FreshAccountSessions(accounts);
        FormSignInAnswers answers = new FormSignInAnswers(json, refusals);
        ThrottledSignIns throttled = new ThrottledSignIns(new SignInThrottle(), refusals, meters);
        return http -> {
            http.addFilterBefore(throttled, SecurityWebFiltersOrder.HTTP_BASIC);
            http.authenticationManager(signIn);
            http.securityContextRepository(sessions);
            http.httpBasic(basic -> basic
                    .authenticationManager(signIn)
                    .authenticationEntryPoint(refusals));
            http.formLogin(form -> form
                    .loginPage("/login")
                    .authenticationManager(signIn)
                    .securityContextRepository(sessions)
                    .authenticationEntryPoint(refusals)
                    .authenticationSuccessHandler(answers::signedIn)
                    .authenticationFailureHandler(answers::failed));
            http.logout(logout -> logout
                    .logoutUrl("/logout")
                    .logoutSuccessHandler(answers::signedOut));
            ConsoleCsrf.configure(http, refusals);
        };
    }
}

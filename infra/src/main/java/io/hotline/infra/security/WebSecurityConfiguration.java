package io.hotline.infra.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import reactor.core.publisher.Mono;

/**
 * One filter chain for every endpoint: the sign-in mode's way in ({@link SignInMode}), then the table of
 * {@link AccessRules}, the A/B stand-in check ({@link StandInRule}), and {@link Refusals} answering every "no" as
 * problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class WebSecurityConfiguration {

    @Bean
    SecurityWebFilterChain hotlineSecurity(ServerHttpSecurity http, SignInMode signIn, Refusals refusals,
                                           ObjectProvider<Colleagues> colleagues) {
        signIn.configure(http);
        http.exceptionHandling(handling -> handling
                .authenticationEntryPoint(refusals)
                .accessDeniedHandler(refusals));
        http.authorizeExchange(AccessRules::apply);
        http.headers(headers -> headers.frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY)));
        http.addFilterAfter(new StandInRule(refusals,
                colleagues.getIfAvailable(() -> username -> Mono.just(true))), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }
}

package io.hotline.infra.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, generated from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI hotlineOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Hotline 12345 — citizen complaint and petition intake (诉求受理)")
                .version("v1")
                .description("""
                        Commands on a case answer its new version; read the case view with ?atLeastVersion= to \
                        see your own change. Refusals are application/problem+json with a stable `code`: \
                        403 not your case or role, 404 no such case, 409 the case's state forbids it, \
                        400 invalid input naming the field."""));
    }
}

package io.hotline.security;

import io.hotline.infra.security.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped defaults in {@code hotline-security.yml}, and the environment variables they read. */
class SecuritySettingsTest {

    @Test
    void theDefaultsAreLocalAccountsWithNoPasswordAndTheUsualClaimNames() throws IOException {
        SecuritySettings settings = bind(Map.of());
        assertThat(settings.mode()).isEqualTo(SecuritySettings.Mode.LOCAL);
        assertThat(settings.adminPassword()).isEmpty();
        assertThat(settings.oidc().usernameClaim()).isEqualTo("preferred_username");
        assertThat(settings.oidc().rolesClaim()).isEqualTo("roles");
        assertThat(settings.oidc().unitClaim()).isEqualTo("unit");
        assertThat(settings.oidc().standInForClaim()).isEqualTo("stand_in_for");
    }

    @Test
    void theEnvironmentSetsTheFirstAdminPasswordAndTheMode() throws IOException {
        SecuritySettings settings = bind(Map.of("HOTLINE_ADMIN_PASSWORD", "from-the-environment",
                "HOTLINE_SECURITY_MODE", "oidc"));
        assertThat(settings.adminPassword()).isEqualTo("from-the-environment");
        assertThat(settings.mode()).isEqualTo(SecuritySettings.Mode.OIDC);
    }

    private static SecuritySettings bind(Map<String, Object> environmentVariables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", environmentVariables));
        new YamlPropertySourceLoader().load("hotline-security", new ClassPathResource("hotline-security.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment))
                .bind("app.security", SecuritySettings.class)
                .get();
    }
}

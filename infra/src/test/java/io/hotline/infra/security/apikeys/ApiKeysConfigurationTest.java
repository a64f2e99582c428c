package io.hotline.infra.security.apikeys;

import io.hotline.kernel.open311.Open311Settings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysConfigurationTest {

    private final ApiKeysConfiguration configuration = new ApiKeysConfiguration();

    @Test
    void theOpen311SettingsAreReadFromAppOpen311() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("app.open311.jurisdiction-id", "yantai")
                .withProperty("app.open311.default-area", "370602")
                .withProperty("app.open311.requests-per-minute", "5");

        Open311Settings settings = configuration.open311Settings(environment);

        assertThat(settings.jurisdictionId()).isEqualTo("yantai");
        assertThat(settings.areaWhenLeftOut()).hasValue("370602");
        assertThat(settings.requestsPerMinute()).isEqualTo(5);
        assertThat(settings.contact()).isEqualTo(Open311Settings.defaults().contact());
    }

    @Test
    void withoutAnyOpen311SettingEveryDefaultHolds() {
        assertThat(configuration.open311Settings(new MockEnvironment())).isEqualTo(Open311Settings.defaults());
    }
}

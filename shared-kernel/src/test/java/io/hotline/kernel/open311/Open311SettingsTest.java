package io.hotline.kernel.open311;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Open311SettingsTest {

    @Test
    void aSettingLeftOutTakesItsDefault() {
        Open311Settings settings = Open311Settings.defaults();

        assertThat(settings.jurisdictionId()).isEqualTo("hotline");
        assertThat(settings.requestsPerMinute()).isEqualTo(30);
        assertThat(settings.areaWhenLeftOut()).isEmpty();
        assertThat(settings.contact()).isNotBlank();
    }

    @Test
    void theDefaultAreaIsASixDigitCodeAndABlankOneMeansNone() {
        assertThat(new Open311Settings(null, " 370602 ", null, null).areaWhenLeftOut()).hasValue("370602");
        assertThat(new Open311Settings(null, " ", null, null).areaWhenLeftOut()).isEmpty();
        assertThatThrownBy(() -> new Open311Settings(null, "3706", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default-area");
        assertThatThrownBy(() -> new Open311Settings(null, null, 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requests-per-minute");
    }

    @Test
    void anotherJurisdictionIsNotFoundAndNoneIsOurs() {
        Open311Settings settings = new Open311Settings("yantai", null, null, null);

        settings.checkJurisdiction(null);
        settings.checkJurisdiction("yantai");
        assertThatThrownBy(() -> settings.checkJurisdiction("hotline"))
                .isInstanceOfSatisfying(Open311Refusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(404);
                    assertThat(refusal.errors()).containsExactly(new Open311Error(404,
                            "jurisdiction_id: not found; this server answers for 'yantai'"));
                });
    }
}

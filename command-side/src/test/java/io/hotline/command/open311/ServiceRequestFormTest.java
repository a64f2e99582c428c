package io.hotline.command.open311;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Urgency;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Settings;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceRequestFormTest {

    private static final Open311Settings AREA_REQUIRED = Open311Settings.defaults();
    private static final Open311Settings WITH_DEFAULT_AREA = new Open311Settings(null, "370602", null, null);

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @Test
    void aRequestWithoutAreaIsFiledUnderTheDefaultAreaWithATitleFromItsDescription() {
        FiledRequest filed = ServiceRequestForm.read(form("api_key", "o311.k.s", "service_code", "HELP",
                "address_string", "南大街 1 号", "description", "No water since this morning\nin the whole building"),
                WITH_DEFAULT_AREA);

        assertThat(filed.category()).isEqualTo(Category.HELP);
        assertThat(filed.area()).isEqualTo("370602");
        assertThat(filed.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(filed.title()).isEqualTo("No water since this morning");
    }

    @Test
    void everyWrongFieldIsToldInOneAnswer() {
        assertThatThrownBy(() -> ServiceRequestForm.read(form("service_code", "NOISE", "lat", "37.5",
                "description", "x", "colour", "red", "attribute[urgency]", "SOON"), AREA_REQUIRED))
                .isInstanceOfSatisfying(Open311Refusal.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(400);
                    assertThat(refusal.errors()).extracting(error -> error.description()).containsExactlyInAnyOrder(
                            "colour: not a GeoReport v2 field",
                            "service_code: no service with this code; see services.json",
                            "lat, long: give both or neither",
                            "attribute[area]: required, the six-digit area code (see the service definition)",
                            "attribute[urgency]: must be one of NORMAL, URGENT, EMERGENCY");
                });
    }

    @Test
    void theSameFormHasTheSameFingerprintWhateverKeySentIt() {
        String one = ServiceRequestForm.read(form("api_key", "a", "service_code", "HELP", "address_id", "7",
                "description", "d", "attribute[area]", "370602"), AREA_REQUIRED).fingerprint();
        String other = ServiceRequestForm.read(form("attribute[area]", "370602", "description", "d",
                "address_id", "7", "service_code", "HELP", "api_key", "b"), AREA_REQUIRED).fingerprint();

        assertThat(one).isEqualTo(other);
    }
}

package io.hotline.security;

import io.hotline.kernel.common.Role;
import io.hotline.testing.TestAccounts;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The A/B role rule (AB角): acting for an absent colleague only when the account names you their stand-in. */
class StandInTest extends LocalSignInTest {

    private static final String HEADER = "X-Standing-In-For";

    @Test
    void aNamedStandInActsForTheAbsentColleague() {
        TestAccounts.client(context, "gas-a", "GAS-01", Role.UNIT_HANDLER);
        WebTestClient b = TestAccounts.client(context, "gas-b", "GAS-01", Set.of("gas-a"), Role.UNIT_HANDLER);
        b.get().uri("/api/v1/me").header(HEADER, "gas-a").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("gas-b")
                .jsonPath("$.unit").isEqualTo("GAS-01")
                .jsonPath("$.standingInFor").isEqualTo("gas-a")
                .jsonPath("$.standInFor[0]").isEqualTo("gas-a");
        b.get().uri("/api/v1/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.standingInFor").doesNotExist();
    }

    @Test
    void standingInForSomeoneNotNamedIsRefusedAndRecorded() {
        WebTestClient b = TestAccounts.client(context, "power-b", "POWER-01", Set.of("power-a"), Role.UNIT_HANDLER);
        WebTestClient a = TestAccounts.client(context, "power-a", "POWER-01", Role.UNIT_HANDLER);
        b.get().uri("/api/v1/me").header(HEADER, "power-c").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("power-c"));
        a.post().uri("/api/v1/cases/some-case/sign").header(HEADER, "power-b")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        Document denial = mongo.getCollection("access_denials")
                .flatMapMany(collection -> collection.find(new Document("username", "power-a")))
                .blockFirst();
        assertThat(denial).isNotNull();
        assertThat(denial.getString("reason")).contains("power-b");
        assertThat(denial.getString("path")).isEqualTo("/api/v1/cases/some-case/sign");
    }

    @Test
    void aStandInRegistersACaseInTheirOwnNameForTheAbsentOperator() {
        TestAccounts.client(context, "desk-a", "HOTLINE", Role.OPERATOR);
        WebTestClient b = TestAccounts.client(context, "desk-b", "HOTLINE", Set.of("desk-a"), Role.OPERATOR);
        b.post().uri("/api/v1/cases").header(HEADER, "desk-a")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"requestId":"call-standin-1","channel":"HOTLINE","category":"HELP","title":"井盖缺失",
                         "content":"路口井盖缺失","citizen":{"name":"李四","phone":"13900139000"},"area":"370602"}
                        """)
                .exchange()
                .expectStatus().isCreated();
        Document event = mongo.getCollection("events")
                .flatMapMany(collection -> collection.find())
                .filter(commit -> commit.toJson().contains("call-standin-1"))
                .blockFirst();
        assertThat(event).isNotNull();
        assertThat(event.toJson()).containsPattern("\"userId\"\\s*:\\s*\"desk-b\"")
                .containsPattern("\"standingInFor\"\\s*:\\s*\"desk-a\"");
    }

    @Test
    void nobodyStandsInForAColleagueWhoseAccountIsDisabled() {
        TestAccounts.client(context, "heat-a", "HEAT-01", Role.UNIT_HANDLER);
        WebTestClient b = TestAccounts.client(context, "heat-b", "HEAT-01", Set.of("heat-a"), Role.UNIT_HANDLER);
        b.get().uri("/api/v1/me").header(HEADER, "heat-a").exchange().expectStatus().isOk();

        TestAccounts.admin(context).post().uri("/api/v1/admin/accounts/heat-a/disable").exchange()
                .expectStatus().is2xxSuccessful();

        b.get().uri("/api/v1/me").header(HEADER, "heat-a").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("heat-a").contains("disabled"));
        b.get().uri("/api/v1/me").exchange().expectStatus().isOk();
        Document denial = mongo.getCollection("access_denials")
                .flatMapMany(collection -> collection.find(new Document("username", "heat-b")))
                .blockFirst();
        assertThat(denial).isNotNull();
        assertThat(denial.getString("reason")).contains("heat-a").contains("disabled");
    }
}

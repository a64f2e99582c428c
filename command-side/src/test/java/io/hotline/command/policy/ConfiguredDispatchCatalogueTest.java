package io.hotline.command.policy;

import io.hotline.kernel.common.Category;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredDispatchCatalogueTest {

    private static final List<ConfiguredDispatchCatalogue.Entry> ENTRIES = List.of(
            new ConfiguredDispatchCatalogue.Entry(null, "", "HOTLINE-COORD"),
            new ConfiguredDispatchCatalogue.Entry(null, "3706", "URBAN-MGMT"),
            new ConfiguredDispatchCatalogue.Entry(Category.COMPLAINT, "3706", "MARKET-REG"),
            new ConfiguredDispatchCatalogue.Entry(null, "370602", "ZHIFU-DISTRICT"),
            new ConfiguredDispatchCatalogue.Entry(Category.HELP, "370602", "WATER"));

    private final DispatchCatalogue catalogue = new ConfiguredDispatchCatalogue(ENTRIES);

    @Test
    void theLongestAreaPrefixWins() {
        assertThat(catalogue.propose(Category.COMPLAINT, "370602")).hasValue("ZHIFU-DISTRICT");
        assertThat(catalogue.propose(Category.COMPLAINT, "370613")).hasValue("MARKET-REG");
    }

    @Test
    void atTheSamePrefixTheCategorysOwnEntryWins() {
        assertThat(catalogue.propose(Category.HELP, "370602")).hasValue("WATER");
        assertThat(catalogue.propose(Category.SUGGESTION, "370602")).hasValue("ZHIFU-DISTRICT");
        assertThat(catalogue.propose(Category.SUGGESTION, "370613")).hasValue("URBAN-MGMT");
    }

    @Test
    void anEntryWithoutAPrefixCoversEveryArea() {
        assertThat(catalogue.propose(Category.HELP, "110105")).hasValue("HOTLINE-COORD");
        assertThat(catalogue.propose(Category.HELP, null)).hasValue("HOTLINE-COORD");
    }

    @Test
    void theOrderOfTheEntriesDoesNotMatter() {
        List<ConfiguredDispatchCatalogue.Entry> reversed = new ArrayList<>(ENTRIES);
        Collections.reverse(reversed);
        DispatchCatalogue other = new ConfiguredDispatchCatalogue(reversed);

        for (Category category : Category.values()) {
            for (String area : List.of("370602", "370613", "110105")) {
                assertThat(other.propose(category, area)).isEqualTo(catalogue.propose(category, area));
            }
        }
    }

    @Test
    void withoutAMatchingEntryThereIsNoProposalAndTheOperatorChooses() {
        DispatchCatalogue cityOnly = new ConfiguredDispatchCatalogue(List.of(
                new ConfiguredDispatchCatalogue.Entry(Category.COMPLAINT, "3706", "MARKET-REG")));

        assertThat(cityOnly.propose(Category.COMPLAINT, "110105")).isEmpty();
        assertThat(cityOnly.propose(Category.HELP, "370602")).isEmpty();
        assertThat(cityOnly.propose(Category.COMPLAINT, null)).isEmpty();
        assertThat(new ConfiguredDispatchCatalogue(List.of()).propose(Category.HELP, "370602")).isEmpty();
    }

    @Test
    void twoEntriesForTheSameCategoryAndPrefixAreRefused() {
        assertThatThrownBy(() -> new ConfiguredDispatchCatalogue(List.of(
                new ConfiguredDispatchCatalogue.Entry(Category.HELP, "3706", "WATER"),
                new ConfiguredDispatchCatalogue.Entry(Category.HELP, "3706", "HOUSING"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WATER and HOUSING");
    }

    @Test
    void anAreaPrefixIsUpToSixDigits() {
        assertThatThrownBy(() -> new ConfiguredDispatchCatalogue.Entry(null, "37-06", "URBAN-MGMT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfiguredDispatchCatalogue.Entry(null, "3706021", "URBAN-MGMT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfiguredDispatchCatalogue.Entry(null, "3706", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

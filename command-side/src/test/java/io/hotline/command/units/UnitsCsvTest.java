package io.hotline.command.units;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.units.DirectoryProblem;
import io.hotline.kernel.units.DirectoryRule;
import io.hotline.kernel.units.ImportUnits;
import io.hotline.kernel.units.UnitKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory's CSV files: read with or without a byte-order mark, every unreadable cell named by row. */
class UnitsCsvTest {

    private static final String HEADER = "code,fullName,shortName,kind,parent,areaCodes,contact,inServiceFrom\n";

    @Test
    void aFileWithAByteOrderMarkReadsLikeOneWithout() {
        String rows = "HUANCUI,威海市环翠区人民政府,环翠区,DISTRICT,,371002;371000,\"0631-1, ext. 2\",2020-01-01\n";
        UnitsCsv.Parsed plain = UnitsCsv.parse(HEADER + rows);
        UnitsCsv.Parsed withBom = UnitsCsv.parse("\uFEFF" + HEADER + rows);

        assertThat(plain.problems()).isEmpty();
        assertThat(withBom).isEqualTo(plain);
        assertThat(plain.units()).singleElement().satisfies(unit -> {
            assertThat(unit.code()).isEqualTo("HUANCUI");
            assertThat(unit.kind()).isEqualTo(UnitKind.DISTRICT);
            assertThat(unit.parent()).isNull();
            assertThat(unit.areaCodes()).containsExactly("371002", "371000");
            assertThat(unit.contact()).isEqualTo("0631-1, ext. 2");
            assertThat(unit.inServiceFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        });
    }

    @Test
    void everyUnreadableCellIsNamedWithItsRow() {
        UnitsCsv.Parsed parsed = UnitsCsv.parse(HEADER
                + "A1,甲,甲,DEPARTMENT,,,,2020-01-01\n"
                + "A2,乙,乙,DISTRICT,,,,01/01/2020\n");
        assertThat(parsed.problems()).extracting(DirectoryProblem::row, DirectoryProblem::field, DirectoryProblem::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "kind", DirectoryRule.UNREADABLE),
                        org.assertj.core.groups.Tuple.tuple(2, "inServiceFrom", DirectoryRule.UNREADABLE));
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAsAWhole() {
        UnitsCsv.Parsed parsed = UnitsCsv.parse("code,name\nA1,甲\n");
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("header");
            assertThat(problem.detail()).contains("fullName").contains("kind");
        });
    }

    /** The bundled demo directory of 威海市 reads cleanly and keeps every rule of the directory. */
    @Test
    void theDemoDirectoryReadsAndImportsCleanly() throws Exception {
        String csv = new ClassPathResource(UnitDirectoryController.DEMO_DIRECTORY).getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8);
        UnitsCsv.Parsed parsed = UnitsCsv.parse(csv);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.units()).extracting(unit -> unit.code())
                .contains("HOTLINE", "HUANCUI", "WENDENG", "RONGCHENG", "RUSHAN", "WATER", "URBAN-MGMT");

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var fixture = new AggregateTestFixture<>(UnitDirectory.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), zone));
        fixture.registerInjectableResource(zone);
        fixture.givenNoPriorActivity()
                .when(new ImportUnits(UnitDirectory.ID, parsed.units(), true, "demo",
                        Actor.of("admin", "HOTLINE", Role.ADMIN)))
                .expectSuccessfulHandlerExecution();
        assertThat(parsed.units()).hasSize(46);
    }
}

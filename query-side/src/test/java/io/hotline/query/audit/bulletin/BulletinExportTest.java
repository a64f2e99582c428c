package io.hotline.query.audit.bulletin;

import io.hotline.query.figures.query.UnitStandings.Rate;
import io.hotline.query.figures.query.UnitStandings.Standings;
import io.hotline.query.figures.query.UnitStandings.UnitLine;
import io.hotline.query.figures.levels.PeerGroup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulletin's spreadsheet: it opens in Excel as UTF-8 and no cell runs as a formula. */
class BulletinExportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theCsvOpensInExcelAndRunsNoFormulas() {
        UnitLine line = new UnitLine("=HYPERLINK(\"x\")", 1, 65.0, 2, new Rate(1, 2), new Rate(0, 0), 1,
                new Rate(1, 1), new Rate(1, 1), new Rate(0, 1), 0, Set.of("response"), "OTHER");
        byte[] csv = new BulletinExport(SHANGHAI).csv(new Standings(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), Map.of(), Map.of(), List.of(line), List.of(PeerGroup.OTHER)));

        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("排名 Rank,单位 Unit");
        assertThat(lines.get(1)).isEqualTo("1,\"'=HYPERLINK(\"\"x\"\")\",2,50.0,,1,100.0,100.0,0.0,0,65.0,response,OTHER");
    }
}

package io.hotline.query.figures.ranking;

import io.hotline.query.figures.answers.FigureSet;
import io.hotline.query.figures.buckets.Count;
import io.hotline.query.figures.buckets.Tally;
import io.hotline.query.figures.levels.PeerGroup;
import io.hotline.query.figures.levels.UnitTree;
import io.hotline.query.figures.levels.UnitTree.Node;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Like with like: units are ranked within their peer group, by the directory's kind and parent. */
public class PeerGroupRankingTest {

    public static final List<Node> NODES = List.of(
            new Node("HOTLINE", "HOTLINE", null, List.of("HOTLINE")),
            new Node("HC", "DISTRICT", null, List.of("HC")),
            new Node("WD", "DISTRICT", null, List.of("WD")),
            new Node("HC-JY", "STREET", "HC", List.of("HC", "HC-JY")),
            new Node("HC-HB", "STREET", "HC", List.of("HC", "HC-HB")),
            new Node("WD-XX", "STREET", "WD", List.of("WD", "WD-XX")),
            new Node("HC-JY-01", "COMMUNITY", "HC-JY", List.of("HC", "HC-JY", "HC-JY-01")),
            new Node("SWJ", "CITY_DEPARTMENT", null, List.of("SWJ")),
            new Node("WATER", "UTILITY", null, List.of("WATER")),
            new Node("HC-ZJJ", "CITY_DEPARTMENT", "HC", List.of("HC", "HC-ZJJ")));
    public static final UnitTree TREE = new UnitTree(NODES);

    /** Figures scoring {@code percent} on every default weighted rate. */
    private static FigureSet scoring(long percent) {
        return FigureSet.of(Tally.empty()
                .add(Count.SIGNED_ON_TIME, percent).add(Count.SIGN_FOR_JUDGED, 100)
                .add(Count.SOLVED, percent).add(Count.SATISFIED, percent).add(Count.FEEDBACKS, 100)
                .add(Count.REPLIES, 100));
    }

    @Test
    void eachUnitIsRankedAmongItsPeersOnly() {
        Map<String, FigureSet> units = new LinkedHashMap<>();
        units.put("HC-JY", scoring(60));
        units.put("HC-HB", scoring(90));
        units.put("WD-XX", scoring(95));
        units.put("HC", scoring(70));
        units.put("WD", scoring(80));
        units.put("SWJ", scoring(50));
        units.put("WATER", scoring(99));
        units.put("HC-ZJJ", scoring(10));
        units.put("HC-JY-01", scoring(40));
        units.put("LEGACY-01", scoring(75));
        units.put("HOTLINE", scoring(100));

        RankingPolicy.Standings standings = RankingPolicy.defaults().rank(units, TREE::peerGroup);

        assertThat(standings.groups()).extracting(PeerGroup::key).containsExactly("DISTRICT", "CITY_DEPARTMENT",
                "CITY_DEPARTMENT:HC", "UTILITY", "STREET:HC", "STREET:WD", "COMMUNITY:HC-JY", "OTHER");
        assertThat(standings.ranking()).extracting(unit -> unit.group() + " " + unit.rank() + " " + unit.unit())
                .containsExactly("DISTRICT 1 WD", "DISTRICT 2 HC", "CITY_DEPARTMENT 1 SWJ", "CITY_DEPARTMENT:HC 1 HC-ZJJ",
                        "UTILITY 1 WATER", "STREET:HC 1 HC-HB", "STREET:HC 2 HC-JY", "STREET:WD 1 WD-XX",
                        "COMMUNITY:HC-JY 1 HC-JY-01", "OTHER 1 LEGACY-01");
    }

    @Test
    void aFloorIsAbsoluteSoItsBreachesAreListedAcrossGroups() {
        Map<String, FigureSet> units = Map.of("HC-JY", scoring(60), "WD", scoring(80), "SWJ", scoring(95));
        RankingPolicy.Standings standings = RankingPolicy.defaults().rank(units, TREE::peerGroup);
        assertThat(standings.belowFloors()).filteredOn(breach -> breach.figure().equals("satisfaction"))
                .singleElement().satisfies(breach -> assertThat(breach.units())
                        .extracting(RankingPolicy.UnitRate::unit).containsExactly("HC-JY", "WD"));
    }

    @Test
    void theHotlineIsNeverRankedWhateverItsCode() {
        UnitTree tree = new UnitTree(List.of(new Node("12345", "HOTLINE", null, List.of("12345"))));
        RankingPolicy.Standings standings = RankingPolicy.defaults().rank(Map.of("12345", scoring(100)), tree::peerGroup);
        assertThat(standings.ranking()).isEmpty();
        assertThat(standings.unranked()).isEmpty();
        assertThat(standings.groups()).isEmpty();
    }

    @Test
    void aSubtreeIsFoundByThePathsAndAnUnknownUnitIsItsOwn() {
        assertThat(TREE.subtree("HC")).containsExactlyInAnyOrder("HC", "HC-JY", "HC-HB", "HC-JY-01", "HC-ZJJ");
        assertThat(TREE.subtree("HC-JY")).containsExactlyInAnyOrder("HC-JY", "HC-JY-01");
        assertThat(TREE.subtree("LEGACY-01")).containsExactly("LEGACY-01");
        assertThat(TREE.peerGroup("LEGACY-01")).isEqualTo(PeerGroup.OTHER);
    }
}

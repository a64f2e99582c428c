package io.hotline.query.readmodel;

import io.hotline.query.caseview.CaseList;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.figures.FigureCollections;
import io.hotline.query.inbox.Inbox;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read model: a name for the admin API, the collections one generation of it consists of, and the
 * secondary indexes a real MongoDB should keep on them. All its collections are rebuilt and switched together.
 * Its projection is made per generation by its {@link ReadModelProjection} bean.
 *
 * @param name        what {@code /api/v1/admin/rebuild/{readModel}} calls it
 * @param collections base collection names; generation 1 uses them as they are, generation n adds {@code _gn}
 * @param indexes     per base collection, the secondary indexes searches use (the embedded store uses only the
 *                    unique ones: its hot paths are lookups on {@code _id} or on a unique index)
 */
public record ReadModel(String name, List<String> collections, Map<String, List<IndexDefinition>> indexes) {

    /**
     * Case views, unit inboxes and the case list's length: one projection keeps them all, so they are one read
     * model. The list's places are a sparse unique index: views made before the list have none.
     */
    public static final ReadModel CASES = new ReadModel("case-view",
            List.of(CaseView.COLLECTION, Inbox.COLLECTION, CaseList.COLLECTION),
            Map.of(CaseView.COLLECTION, List.of(
                    new Index().on(CaseList.POSITION, Sort.Direction.DESC).unique().sparse().named("list_position"),
                    new Index().on("status", Sort.Direction.ASC).named("status"),
                    new Index().on("currentUnits", Sort.Direction.ASC).named("current_units"),
                    new Index().on("involvedUnits", Sort.Direction.ASC).named("involved_units"),
                    new Index().on("category", Sort.Direction.ASC).named("category"),
                    new Index().on("area", Sort.Direction.ASC).named("area"),
                    new Index().on("registeredAt", Sort.Direction.DESC).named("registered_at"),
                    new Index().on("nextDue", Sort.Direction.ASC).named("next_due"),
                    new Index().on("caseNumbers", Sort.Direction.ASC).named("case_numbers"),
                    new Index().on("citizen.phoneHash", Sort.Direction.ASC).named("phone_hash"))));

    /**
     * The timeliness and satisfaction figures: per-case facts, pre-aggregated buckets and the per-period key
     * index. One projection books all three, and a bucket is only right together with the facts it was
     * moved from, so they are one read model. No secondary index: every read is an {@code _id} lookup.
     */
    public static final ReadModel FIGURES = new ReadModel("case-figures",
            List.of(FigureCollections.FACTS, FigureCollections.BUCKETS, FigureCollections.KEYS), Map.of());

    /**
     * The service requests filed through Open311 (kept by the Open311 projection in the deployable): one document
     * per request, per-day lists of request ids for the listing's date window, case numbers as tokens, and the
     * requests' updates with their per-day lists. No secondary index: every read is an {@code _id} lookup.
     */
    public static final ReadModel OPEN311 = new ReadModel("open311-requests",
            List.of("open311_requests", "open311_days", "open311_tokens", "open311_updates", "open311_update_days"),
            Map.of());

    /** Every read model this node keeps. */
    public static final List<ReadModel> ALL = List.of(CASES, FIGURES, OPEN311);

    public static Optional<ReadModel> named(String name) {
        return ALL.stream().filter(model -> model.name().equals(name)).findFirst();
    }

    /** The name of a base collection in a generation: {@code case_view}, {@code case_view_g2}, ... */
    public static String collection(String base, int generation) {
        return generation <= 1 ? base : base + "_g" + generation;
    }

    /** The tracking processor (and token) name of a generation. */
    public String processorName(int generation) {
        return name + "-g" + generation;
    }
}

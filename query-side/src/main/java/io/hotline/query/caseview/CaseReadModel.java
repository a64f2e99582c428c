package io.hotline.query.caseview;

import io.hotline.query.readmodel.ReadModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

import java.util.List;
import java.util.Map;

/**
 * The case read model: case views, unit inboxes and the case list's length. One projection keeps them all, so
 * they are rebuilt and switched together. Declared here, beside the views, so the read-model machinery never
 * names a feature: the projection's {@code ReadModelProjection} bean registers it.
 */
public final class CaseReadModel {

    /** The base name of the unit inboxes' collection (one document per unit, kept by the same projection). */
    public static final String INBOXES = "inbox";

    /**
     * {@code /api/v1/admin/rebuild/case-view}. The list's places are a sparse unique index: views made before the
     * list have none. The other indexes are what searches use on a real MongoDB.
     */
    public static final ReadModel MODEL = new ReadModel("case-view",
            List.of(CaseView.COLLECTION, INBOXES, CaseList.COLLECTION),
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

    private CaseReadModel() {
    }
}

package io.hotline.query.readmodel;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Which generation of a read model readers use ({@code live}) and which, if any, is being rebuilt beside it
 * ({@code building}; {@code buildingReady} once its fresh collections exist, so no node starts filling them
 * early). One document per read model in {@code read_model_generations}; switching is one atomic
 * update of it, so every reader moves from the old collections to the new ones at once.
 */
@Document(Generation.COLLECTION)
public record Generation(@Id String readModel, int live, Integer building, boolean buildingReady,
                         Instant buildingSince, Instant switchedAt) {

    public static final String COLLECTION = "read_model_generations";

    public boolean isBuilding() {
        return building != null;
    }
}

package io.hotline.query.readmodel;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read models this node keeps: one per {@link ReadModelProjection} bean. Each feature declares its read
 * model beside its projection and registers it through that bean, so this package never names a feature (and
 * no feature package depends on another through it).
 */
@Component
public class ReadModelRegistry {

    private final Map<String, ReadModelProjection> byName = new LinkedHashMap<>();

    public ReadModelRegistry(List<ReadModelProjection> projections) {
        for (ReadModelProjection projection : projections) {
            ReadModelProjection before = byName.putIfAbsent(projection.model().name(), projection);
            if (before != null) {
                throw new IllegalStateException("two ReadModelProjection beans for the read model "
                        + projection.model().name());
            }
        }
    }

    /** Every read model this node keeps. */
    public List<ReadModel> all() {
        return byName.values().stream().map(ReadModelProjection::model).toList();
    }

    /** The read model {@code /api/v1/admin/rebuild/{name}} means. */
    public Optional<ReadModel> named(String name) {
        return Optional.ofNullable(byName.get(name)).map(ReadModelProjection::model);
    }

    /** How a generation's projection of {@code model} is made. */
    ReadModelProjection projectionOf(ReadModel model) {
        ReadModelProjection projection = byName.get(model.name());
        if (projection == null) {
            throw new IllegalArgumentException("no read model " + model.name());
        }
        return projection;
    }
}

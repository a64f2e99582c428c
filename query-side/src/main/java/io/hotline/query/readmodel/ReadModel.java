package io.hotline.query.readmodel;

import org.springframework.data.mongodb.core.index.IndexDefinition;

import java.util.List;
import java.util.Map;

/**
 * A read model: a name for the admin API, the collections one generation of it consists of, and the
 * secondary indexes a real MongoDB should keep on them. All its collections are rebuilt and switched together.
 * Each feature declares its own beside its projection, and registers it with its {@link ReadModelProjection}
 * bean (see {@link ReadModelRegistry}).
 *
 * @param name        what {@code /api/v1/admin/rebuild/{readModel}} calls it
 * @param collections base collection names; generation 1 uses them as they are, generation n adds {@code _gn}
 * @param indexes     per base collection, the secondary indexes searches use (the embedded store uses only the
 *                    unique ones: its hot paths are lookups on {@code _id} or on a unique index)
 */
public record ReadModel(String name, List<String> collections, Map<String, List<IndexDefinition>> indexes) {

    /** The name of a base collection in a generation: {@code case_view}, {@code case_view_g2}, ... */
    public static String collection(String base, int generation) {
        return generation <= 1 ? base : base + "_g" + generation;
    }

    /** The tracking processor (and token) name of a generation. */
    public String processorName(int generation) {
        return name + "-g" + generation;
    }
}

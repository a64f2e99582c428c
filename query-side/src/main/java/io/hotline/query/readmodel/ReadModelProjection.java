package io.hotline.query.readmodel;

import java.util.function.BooleanSupplier;

/**
 * How a read model's projection is made for one generation. Each read model has one such bean beside its
 * projection code, which registers it ({@link ReadModelRegistry}); {@link ReadModelProcessors} asks it for a fresh
 * projection whenever it starts a generation's processor. So the rebuild machinery knows nothing of what a projection
 * keeps, and a projection knows nothing of generations beyond the collection names it is handed.
 */
public interface ReadModelProjection {

    /** The read model this projection fills. */
    ReadModel model();

    /**
     * A new event-handling object that writes only to {@code generation}'s collections
     * ({@link ReadModel#collection(String, int)}).
     *
     * @param live whether {@code generation} is the one readers use now. A projection notifies readers on this
     *             node only while it holds, so a rebuild running beside the live generation wakes nobody.
     */
    Object forGeneration(int generation, BooleanSupplier live);
}

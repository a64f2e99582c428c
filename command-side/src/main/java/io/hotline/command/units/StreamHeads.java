package io.hotline.command.units;

import java.util.OptionalLong;

/**
 * How far an aggregate's stream reaches, as the event store acknowledges it (a port: the platform answers it with one
 * keyed read). The {@link UnitTree} asks it before each poll, so it reads the directory's stream only when the stream
 * grew: the store finds a commit by the sequence number it starts at, and asking for one past the end would make it
 * walk every commit of the stream to learn there is none.
 */
@FunctionalInterface
public interface StreamHeads {

    /** The last sequence number stored for the aggregate, a lower bound (heads are written a moment late); empty: none. */
    OptionalLong lastSequence(String aggregateId);
}

package io.hotline.query.audit.log;

import io.hotline.kernel.common.Actor;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two facts every case event carries, by the published language's convention: who acted ({@code actor}) and
 * when ({@code at}; {@code registeredAt} for a registration). Read from the record's components, so an event
 * type added to the kernel shows its actor and time in the history without a change here.
 */
public final class EventFacts {

    private static final Map<Class<?>, Accessors> ACCESSORS = new ConcurrentHashMap<>();

    private EventFacts() {
    }

    public static Actor actorOf(Object payload) {
        Object actor = read(payload, accessors(payload).actor());
        return actor instanceof Actor found ? found : null;
    }

    public static Instant timeOf(Object payload) {
        Object at = read(payload, accessors(payload).at());
        return at instanceof Instant found ? found : null;
    }

    private static Accessors accessors(Object payload) {
        if (payload == null) {
            return Accessors.NONE;
        }
        return ACCESSORS.computeIfAbsent(payload.getClass(), type -> {
            if (!type.isRecord()) {
                return Accessors.NONE;
            }
            RecordComponent actor = null;
            RecordComponent at = null;
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("actor") && component.getType() == Actor.class) {
                    actor = component;
                } else if ((component.getName().equals("at") || component.getName().equals("registeredAt"))
                        && component.getType() == Instant.class) {
                    at = component;
                }
            }
            return new Accessors(actor, at);
        });
    }

    private static Object read(Object payload, RecordComponent component) {
        if (payload == null || component == null) {
            return null;
        }
        try {
            return component.getAccessor().invoke(payload);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private record Accessors(RecordComponent actor, RecordComponent at) {
        static final Accessors NONE = new Accessors(null, null);
    }
}

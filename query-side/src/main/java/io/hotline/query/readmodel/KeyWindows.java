package io.hotline.query.readmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Ids cut into the windows one {@code _id $in} lookup asks for. The embedded server checks every document it finds
 * against the whole list again, so a lookup of n ids costs n² comparisons there (1,000 ids: a million); windows of
 * 100 keep that small.
 */
public final class KeyWindows {

    /** Ids asked for in one {@code $in}. */
    public static final int SIZE = 100;

    private KeyWindows() {
    }

    /** The ids in windows of at most {@link #SIZE}, in their iteration order. */
    public static <T> List<List<T>> of(Collection<T> ids) {
        List<T> all = List.copyOf(ids);
        List<List<T>> windows = new ArrayList<>();
        for (int start = 0; start < all.size(); start += SIZE) {
            windows.add(all.subList(start, Math.min(all.size(), start + SIZE)));
        }
        return windows;
    }
}

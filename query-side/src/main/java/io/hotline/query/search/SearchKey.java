package io.hotline.query.search;

/**
 * The keys the common searches look cases up by, each a collection of {@link KeyedCases} documents in the case
 * read model: the city day a case was registered on, the keyed hash of the caller's phone, and each of the case's
 * numbers. The embedded store answers only lookups by {@code _id} without scanning; these documents make the
 * searches the console fires constantly (the newest cases, a caller's earlier requests, a case by number) such
 * lookups.
 */
public enum SearchKey {

    /** {@code _id} = the day of registration in the city's zone, {@code yyyy-MM-dd}. */
    DAY("case_days"),
    /** {@code _id} = the citizen's phone hash as the case view keeps it. */
    PHONE("case_phones"),
    /** {@code _id} = one of the case's numbers, its own or one merged into it. */
    NUMBER("case_numbers");

    private final String collection;

    SearchKey(String collection) {
        this.collection = collection;
    }

    /** The base collection name; a rebuilt generation adds a suffix. */
    public String collection() {
        return collection;
    }
}

package io.hotline.kernel.common;

/**
 * The person who made the request (诉求人). Personal data: phone and ID number are masked for those who do
 * not need them. {@code toString} never prints them, so they cannot leak into logs by accident.
 * <p>
 * In the event log these fields are stored encrypted under a key of the citizen's own; once the law requires
 * their erasure the key is destroyed, and the stored registration then reads as {@link #erased()}: the case
 * keeps its history, the person is gone.
 * <p>
 * {@code email} came later, with requests from reporting apps (Open311); it is personal data like the others,
 * sealed and erased with them, and null for everyone registered by phone or before it existed.
 */
public record Citizen(String name, String phone, String idNumber, String email) {

    /** What an erased citizen's name reads as, everywhere. */
    public static final String ERASED_NAME = "[已删除]";

    private static final Citizen ERASED = new Citizen(ERASED_NAME, null, null, null);

    /** A citizen as the operators' intake form knows them: name, phone, ID number, no email. */
    public Citizen(String name, String phone, String idNumber) {
        this(name, phone, idNumber, null);
    }

    /** The placeholder a registration reads as once the citizen's personal data were erased. */
    public static Citizen erased() {
        return ERASED;
    }

    /** True for the placeholder of an erased citizen (no phone, no ID number, the erased name). */
    public boolean wasErased() {
        return ERASED_NAME.equals(name) && phone == null && idNumber == null && email == null;
    }

    @Override
    public String toString() {
        return wasErased() ? "Citizen[erased]" : "Citizen[personal data withheld]";
    }
}

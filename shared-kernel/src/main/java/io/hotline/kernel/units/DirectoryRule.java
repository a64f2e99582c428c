package io.hotline.kernel.units;

/**
 * The directory's rules, each a reason a change is refused. {@code conflict}: 409 rather than 400;
 * {@link #NOT_PERMITTED} is answered 403.
 */
public enum DirectoryRule {
    CODE_FORMAT(false, "a unit code is 2 to 32 capital letters, digits or hyphens"),
    CODE_TAKEN(true, "the code is already taken by another unit"),
    NAME_REQUIRED(false, "a full and a short Chinese name are required (at most 64 and 16 characters)"),
    KIND_REQUIRED(false, "the kind of unit is required"),
    AREA_CODE_FORMAT(false, "an area code is six or twelve digits"),
    UNKNOWN_UNIT(false, "no unit with this code in the directory"),
    PARENT_UNKNOWN(false, "the parent is not in the directory"),
    PARENT_OUT_OF_SERVICE(true, "the parent is no longer in service"),
    PARENT_KIND(false, "a unit of this kind cannot sit under a unit of that kind"),
    ROOT_NOT_ALLOWED(false, "a street or a community needs a parent"),
    CYCLE(true, "the unit would sit under itself"),
    OUT_OF_SERVICE(true, "the unit is no longer in service"),
    SUCCESSOR_INVALID(false, "the successor must be another unit in service"),
    HAS_UNITS_IN_SERVICE(true, "units in service still sit under it: move or retire them first"),
    EMPTY_IMPORT(false, "the file has no units"),
    UNREADABLE(false, "the file or this cell cannot be read"),
    NOT_PERMITTED(false, "only an administrator keeps the unit directory");

    private final boolean conflict;
    private final String message;

    DirectoryRule(boolean conflict, String message) {
        this.conflict = conflict;
        this.message = message;
    }

    public boolean conflict() {
        return conflict;
    }

    public String message() {
        return message;
    }
}

package io.hotline.kernel.open311;

import io.hotline.kernel.common.Category;

import java.util.Arrays;
import java.util.Optional;

/**
 * Our request types as Open311 services, as the intake reads them and the read side lists them: a
 * {@code service_code} is the name of one of our {@link Category categories} ({@code COMPLAINT}, {@code HELP}
 * ...), and every service has the same attributes, sent as {@code attribute[code]}: what our intake needs and
 * the standard's fields do not carry.
 */
public final class Open311Services {

    /** The six-digit administrative area code dispatch works with. */
    public static final String AREA = "area";
    /** 一般 / 紧急 / 危及生命财产安全: sets the deadlines. */
    public static final String URGENCY = "urgency";
    /** A short title, taken from the description when left out. */
    public static final String TITLE = "title";

    private Open311Services() {
    }

    /** The category a service code names, if any. */
    public static Optional<Category> category(String serviceCode) {
        return Arrays.stream(Category.values()).filter(category -> category.name().equals(serviceCode)).findFirst();
    }
}

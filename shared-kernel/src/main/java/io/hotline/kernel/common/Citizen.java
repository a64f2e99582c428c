package io.hotline.kernel.common;

/**
 * The person who made the request (诉求人). Personal data: phone and ID number are masked for those who do
 * not need them. {@code toString} never prints them, so they cannot leak into logs by accident.
 */
public record Citizen(String name, String phone, String idNumber) {

    @Override
    public String toString() {
        return "Citizen[personal data withheld]";
    }
}

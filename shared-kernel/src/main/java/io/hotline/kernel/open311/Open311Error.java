package io.hotline.kernel.open311;

/**
 * One error as GeoReport v2 answers it: {@code code} is the HTTP status, {@code description} says what was wrong,
 * naming the field when there is one. A refusal answers a list of them.
 */
public record Open311Error(int code, String description) {
}

package io.hotline.kernel.units;

/**
 * One reason the directory refused a change: the row of an imported file (0 for a single change), the field, the
 * rule broken (a stable code the console translates) and a sentence.
 */
public record DirectoryProblem(int row, String field, DirectoryRule rule, String detail) {
}

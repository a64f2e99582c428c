package io.hotline.command.privacy;

import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/v1/admin/privacy/erasures}: whose personal data to erase, named by exactly one of their phone
 * number (every case of that caller) or a case id (the citizen of that case, and so all their cases).
 *
 * @param reference the legal request's reference, kept with the record (letters, digits, {@code . _ : / -})
 */
public record ErasureRequest(
        @Pattern(regexp = "\\+?[0-9\\-]{5,20}", message = "must be a phone number") String phone,
        @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a case id") String caseId,
        @Pattern(regexp = "[A-Za-z0-9._:/-]{1,64}", message = "letters, digits and . _ : / - only, at most 64")
        String reference) {

    boolean namesOne() {
        return (phone == null) != (caseId == null);
    }

    @Override
    public String toString() {
        return "ErasureRequest[" + (phone != null ? "by phone" : "case " + caseId) + "]";
    }
}

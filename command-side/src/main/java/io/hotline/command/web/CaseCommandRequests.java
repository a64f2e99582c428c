package io.hotline.command.web;

import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.common.Jurisdiction;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The bodies of the case command endpoints, validated at the edge before a command is built. */
final class CaseCommandRequests {

    static final String UNIT = "[A-Z0-9-]{2,32}";
    static final String UNIT_MESSAGE = "must be a unit code (A-Z, 0-9, -; 2 to 32 characters)";

    private CaseCommandRequests() {
    }

    record Redirect(@NotNull Jurisdiction jurisdiction, @NotBlank @Size(max = 2000) String explanation) {
    }

    record Merge(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String intoCaseId) {
    }

    /** The answer read out; {@code articleId} and {@code articleVersion} when it came from a knowledge article. */
    record ResolveAtIntake(@NotBlank @Size(max = 5000) String answer,
                           @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String articleId,
                           @Min(1) Integer articleVersion) {
    }

    record Dispatch(@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String leadUnit,
                    @Size(max = 10) List<@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String> assistingUnits) {
        List<String> assisting() {
            return assistingUnits == null ? List.of() : assistingUnits;
        }
    }

    record Objection(@NotBlank @Size(max = 2000) String reason) {
    }

    record Redispatch(@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String leadUnit,
                      @Size(max = 10) List<@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String> assistingUnits,
                      @NotBlank @Size(max = 2000) String reason) {
        List<String> assisting() {
            return assistingUnits == null ? List.of() : assistingUnits;
        }
    }

    record Transfer(@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String toUnit,
                    @NotBlank @Size(max = 2000) String reason) {
    }

    record Note(@NotBlank @Size(max = 5000) String note) {
    }

    record DispatchDown(@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String toUnit,
                        @Size(max = 10) List<@NotBlank @Pattern(regexp = UNIT, message = UNIT_MESSAGE) String> assistingUnits,
                        @Size(max = 2000) String instructions) {
        List<String> assisting() {
            return assistingUnits == null ? List.of() : assistingUnits;
        }
    }

    record ReviewComment(@Size(max = 2000) String comment) {
    }

    record MaterialRequest(@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> items) {
    }

    record ExtensionRequest(@Min(1) @Max(60) int extraWorkingDays, @NotBlank @Size(max = 2000) String reason) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record Reply(@NotNull ReplyResult result, @NotBlank @Size(max = 5000) String text) {
    }

    record Feedback(@NotNull FeedbackChannel channel, @NotNull Satisfaction satisfaction, @NotNull Boolean solved,
                    @Size(max = 2000) String comment) {
    }

    record SupervisionNote(@Size(max = 2000) String note) {
    }
}

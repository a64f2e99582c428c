package io.hotline.command.intake;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The intake form as it arrives over HTTP; validated at the edge before any command is sent. */
public record RegisterCaseRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:\\-]+", message = "letters, digits and . _ : - only")
        String requestId,
        @NotNull Channel channel,
        @NotNull Category category,
        Urgency urgency,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String content,
        @NotNull @Valid CitizenInput citizen,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative division code") String area) {

    /** The citizen's details as typed by the operator. */
    public record CitizenInput(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Pattern(regexp = "\\+?[0-9\\-]{5,20}", message = "must be a phone number") String phone,
            @Pattern(regexp = "[0-9]{17}[0-9Xx]", message = "must be an 18-character resident ID number") String idNumber) {

        Citizen toCitizen() {
            return new Citizen(name, phone, idNumber);
        }
    }

    Urgency urgencyOrDefault() {
        return urgency == null ? Urgency.NORMAL : urgency;
    }
}

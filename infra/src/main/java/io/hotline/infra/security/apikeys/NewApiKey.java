package io.hotline.infra.security.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator's request for a key: whom it is for (the app or the organisation running it). */
public record NewApiKey(
        @NotBlank @Size(max = 80)
        @Pattern(regexp = "[\\p{L}\\p{N} ._()-]+", message = "letters, digits, spaces and . _ ( ) - only")
        String name) {
}

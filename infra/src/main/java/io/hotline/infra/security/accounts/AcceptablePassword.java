package io.hotline.infra.security.accounts;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password long enough to resist guessing (12 characters at least) and short enough for bcrypt, which reads
 * only the first 72 bytes: a longer one would be silently cut, so it is refused instead.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Check.class)
@interface AcceptablePassword {

    int MIN_CHARACTERS = 12;
    int MAX_BYTES = 72;

    String message() default "must be 12 characters to 72 bytes long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule itself, also applied to the configured first administrator's password. */
    class Check implements ConstraintValidator<AcceptablePassword, String> {

        /** What is wrong with the password, or null when it is acceptable. */
        static String problem(String password) {
            if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
                return "must be at least " + MIN_CHARACTERS + " characters long";
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                return "must be at most " + MAX_BYTES + " bytes long (bcrypt reads no further)";
            }
            if (password.isBlank()) {
                return "must not be blank";
            }
            return null;
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true;
            }
            String problem = problem(password);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}

package kz.appeals.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * At most {@link #value()} characters as a person (and JSON Schema's maxLength) counts them: Unicode code points,
 * not Java's UTF-16 units, in which an emoji or a rare CJK character counts twice. Null is valid.
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxCodePoints.Validator.class)
public @interface MaxCodePoints {

    int value();

    String message() default "at most {value} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<MaxCodePoints, CharSequence> {

        private int max;

        @Override
        public void initialize(MaxCodePoints constraint) {
            max = constraint.value();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.length() <= max
                    || Character.codePointCount(value, 0, value.length()) <= max;
        }
    }
}

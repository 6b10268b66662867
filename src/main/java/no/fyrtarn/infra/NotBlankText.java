package no.fyrtarn.infra;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * {@code @NotBlank} as the OpenAPI says it: SmallRye OpenAPI writes it as the pattern {@code \S}, which a text of
 * nothing but {@link Spaces} does not match. Hibernate Validator's own check trims only what Java's {@code trim}
 * does, so until session 52 a title, a caption or a reason of no-break spaces pasted from a web page passed, and a
 * post went out that read as empty.
 */
@Singleton
public class NotBlankText implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false).validatedBy(Check.class);
        configuration.addMapping(mapping);
    }

    /** Valid when the text has something other than spaces. */
    public static class Check implements ConstraintValidator<NotBlank, CharSequence> {

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text != null && !Spaces.isBlank(text.toString());
        }
    }
}

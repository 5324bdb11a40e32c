package io.signaldesk.platform.validation;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Digits;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;

/** Every service validates {@code @Digits} with {@link SafeDigitsValidator} instead of the built-in validators. */
@ApplicationScoped
public class SafeDigits implements ValidatorFactoryCustomizer {
    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        ConstraintMapping mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Digits.class)
                .includeExistingValidators(false)
                .validatedBy(SafeDigitsValidator.class);
        configuration.addMapping(mapping);
    }
}

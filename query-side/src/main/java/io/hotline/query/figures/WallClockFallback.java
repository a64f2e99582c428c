package io.hotline.query.figures;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers {@link WallClockWorkingTime} only when no other {@link WorkingTime} bean exists. The condition is
 * judged after every ordinary configuration and component has been read (the class is brought in by a
 * {@link DeferredImportSelector}, the way auto-configurations are), so a working-day calendar registered
 * anywhere in the application, as a component or a bean method, always wins, whatever the scanning order.
 * Deliberately not annotated {@code @Configuration}: component scanning must not find it early.
 */
class WallClockFallback {

    @Bean
    @ConditionalOnMissingBean(WorkingTime.class)
    WorkingTime wallClockWorkingTime() {
        return new WallClockWorkingTime();
    }

    /** Imports {@link WallClockFallback} last. */
    static class Last implements DeferredImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata importingClass) {
            return new String[]{WallClockFallback.class.getName()};
        }
    }
}

package io.hotline.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Browser tests run in Debian's Chromium through its driver. Where they are not installed, every test of the class
 * is reported as skipped with the reason, one by one (an assumption in {@code @BeforeAll} would make the class
 * vanish from the report as if it had no tests). Under CI ({@code CI=true}) nothing is skipped: the tests run and
 * fail, so a build without the browser never goes green.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsChromium.Condition.class)
@interface NeedsChromium {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (ConsoleBrowser.installed() || ConsoleBrowser.requiredByCi() || context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and its driver are installed, or CI requires them");
            }
            return ConditionEvaluationResult.disabled("browser test skipped: install Debian's chromium and "
                    + "chromium-driver (" + ConsoleBrowser.CHROMIUM + ", " + ConsoleBrowser.CHROMEDRIVER + ")");
        }
    }
}

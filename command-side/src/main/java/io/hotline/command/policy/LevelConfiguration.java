package io.hotline.command.policy;

import io.hotline.kernel.time.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Builds the {@link LevelPolicy} from {@code app.policy.levels} (defaults in hotline-policy.yml). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LevelConfiguration.LevelProperties.class)
class LevelConfiguration {

    /** @param levels {@code app.policy.levels[n].kind, .sign-for, .finish, .review, .review-before-reply} */
    @ConfigurationProperties("app.policy")
    record LevelProperties(@DefaultValue List<LevelPolicy.Level> levels) {
    }

    @Bean
    LevelPolicy levelPolicy(LevelProperties properties, DeadlinePolicy deadlines, ServiceLevelPolicy serviceLevels,
                            WorkingCalendar calendar, PolicyProperties policy) {
        return new LevelPolicy(properties.levels(), deadlines,
                new WorkingTimeDeadlinePolicy(serviceLevels, calendar, policy.serviceLevels().warningShare())::within);
    }
}

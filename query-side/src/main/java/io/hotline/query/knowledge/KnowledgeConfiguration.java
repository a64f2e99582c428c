package io.hotline.query.knowledge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * The knowledge base's read side. The matcher is Lucene's ({@link LuceneArticleMatcher}, an index in this node's
 * memory loaded from the read model); {@code app.knowledge.matcher-refresh} bounds how long a change projected on
 * another node takes to be offered here.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    ArticleMatcher articleMatcher(KnowledgeReads reads, Clock clock,
                                  @Value("${app.knowledge.matcher-refresh:5s}") Duration refresh) {
        return new LuceneArticleMatcher(reads::published, clock, refresh);
    }
}

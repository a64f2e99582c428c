package io.hotline.query.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;

/**
 * The knowledge base's read side. The matcher is Lucene's ({@link LuceneArticleMatcher}, an index in this node's
 * memory loaded from the read model); {@code app.knowledge.matcher-refresh} bounds how long a change projected on
 * another node takes to be offered here.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean
    LuceneArticleMatcher articleMatcher(KnowledgeReads reads, Clock clock,
                                        @Value("${app.knowledge.matcher-refresh:5s}") Duration refresh) {
        return new LuceneArticleMatcher(reads::published, clock, refresh);
    }

    /**
     * Once the node is up, the matcher is warmed in the background: the first suggestion would otherwise wait for
     * the whole index and the analysis dictionary (seconds at 10,000 articles).
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent ready) {
        LuceneArticleMatcher matcher = ready.getApplicationContext().getBean(LuceneArticleMatcher.class);
        Thread warming = new Thread(() -> {
            try {
                matcher.warmUp();
            } catch (RuntimeException e) {
                log.info("Knowledge suggestions not warmed up ({}); the first suggestion loads them", e.toString());
            }
        }, "knowledge-warm-up");
        warming.setDaemon(true);
        warming.start();
    }
}

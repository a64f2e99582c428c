package io.hotline.query.fulltext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/** Registers the full-text settings and says where this node's indexes live. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FullTextProperties.class, OpenSearchProperties.class})
class FullTextConfiguration {

    @Bean
    IndexFolders indexFolders(FullTextProperties properties, @Value("${app.data-dir:./data}") Path dataDir) {
        return new IndexFolders(properties.dir().isBlank() ? dataDir.resolve("fulltext") : Path.of(properties.dir()));
    }
}

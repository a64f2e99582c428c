package io.hotline.query.knowledge;

import io.hotline.query.readmodel.ReadModel;

import java.util.List;
import java.util.Map;

/**
 * The collections of the knowledge read model ({@link #MODEL}, {@code knowledge}), rebuilt and switched together:
 * the articles ({@link ArticleView}), their published versions ({@link ArticleVersionView}), the operators' flags
 * ({@link FlagView}) and the per-case facts of the knowledge figures ({@link IntakeFact}). Reads are {@code _id}
 * lookups or scans of the articles (a city keeps thousands, not millions); see {@link KnowledgeFigures} for the
 * figures' scan.
 */
final class KnowledgeCollections {

    static final String ARTICLES = "knowledge_articles";
    static final String VERSIONS = "knowledge_versions";
    static final String FLAGS = "knowledge_flags";
    static final String INTAKE = "knowledge_intake";

    static final ReadModel MODEL = new ReadModel("knowledge", List.of(ARTICLES, VERSIONS, FLAGS, INTAKE), Map.of());

    private KnowledgeCollections() {
    }
}

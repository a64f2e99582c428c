package io.hotline.bench;

import io.hotline.kernel.common.Category;
import io.hotline.kernel.knowledge.ArticleContent;
import io.hotline.kernel.knowledge.PolicyBasis;
import io.hotline.query.knowledge.PublishedArticle;
import io.hotline.query.knowledge.LuceneArticleMatcher;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The knowledge panel's matching while the operator types (run with the bench profile, see BENCHMARKS.md): the
 * Lucene {@code ArticleMatcher} over {@code bench.articles} (10,000) published articles of seeded Chinese wording in
 * the city's areas, asked for every prefix of seeded callers' titles and requests, as the panel asks after each
 * pause in typing. It measures the matcher itself, its index in memory, without HTTP or the database (the articles
 * are indexed once, as on a query node between changes; how long that takes is logged too).
 */
class KnowledgeSuggestionsBenchmark {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeSuggestionsBenchmark.class);
    private static final String[] TOPICS = {"停水", "停电", "燃气", "供暖", "居住证", "社保", "医保", "公积金", "户口",
            "驾驶证", "营业执照", "垃圾分类", "路灯", "噪音", "物业", "学区", "入学", "养老金", "失业金", "退税", "护照",
            "不动产登记", "公交卡", "违章停车", "占道经营", "油烟", "装修", "电梯", "充电桩", "宠物"};
    private static final String[] ASKS = {"怎么办理", "需要什么材料", "在哪里办", "多久能办好", "收费标准是什么",
            "什么时候恢复", "可以网上办吗", "找哪个部门", "政策是什么", "有什么条件", "如何投诉", "如何申请"};
    private static final String[] AREAS = {"370602", "370611", "370612", "370613", "370614", "370681", "3706"};

    private final int articles = Integer.getInteger("bench.articles", 10_000);
    private final int asks = Integer.getInteger("bench.knowledgeAsks", 2_000);

    @Test
    void suggestionsWhileTyping() {
        Random random = new Random(20261122L);
        List<PublishedArticle> published = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            String ask = ASKS[random.nextInt(ASKS.length)];
            published.add(new PublishedArticle("article-" + i, 1, "UNIT-" + (i % 40), new ArticleContent(
                    topic + ask + "？（第" + i + "条）", "答复口径 " + i, new PolicyBasis("文件" + i, null),
                    Category.CONSULTATION, List.of(AREAS[random.nextInt(AREAS.length)]),
                    List.of(topic), List.of(topic.substring(0, Math.min(2, topic.length()))), null, null)));
        }
        LuceneArticleMatcher matcher = new LuceneArticleMatcher(() -> published, Clock.systemUTC(),
                Duration.ofDays(1));
        LocalDate today = LocalDate.now();
        long indexing = System.nanoTime();
        matcher.match("预热", "370602", today, 3); // indexes the articles once, as the first ask on a node does
        log.info("Knowledge suggestions: {} articles indexed in {} ms", articles,
                (System.nanoTime() - indexing) / 1_000_000);
        ask(matcher, new Random(1L), asks / 4, today, new Latencies()); // the JIT warms up, as on a node in service
        Latencies latencies = new Latencies();
        long found = ask(matcher, random, asks, today, latencies);
        log.info("Knowledge suggestions, {} articles, the Lucene matcher in memory: {} ({} suggestions)",
                articles, latencies.summary(), found);
        matcher.close();
    }

    /** Seeded callers' words, asked prefix by prefix as typed; answers how many suggestions came back. */
    private static long ask(LuceneArticleMatcher matcher, Random random, int asks, LocalDate today, Latencies latencies) {
        long found = 0;
        for (int i = 0; i < asks; i++) {
            String said = "请问" + TOPICS[random.nextInt(TOPICS.length)] + ASKS[random.nextInt(ASKS.length)]
                    + "，家在芝罘区";
            String area = AREAS[random.nextInt(AREAS.length - 1)];
            for (int typed = 2; typed <= said.length(); typed += 3) {
                long start = System.nanoTime();
                found += matcher.match(said.substring(0, typed), area, today, 3).size();
                latencies.record(start);
            }
        }
        return found;
    }
}

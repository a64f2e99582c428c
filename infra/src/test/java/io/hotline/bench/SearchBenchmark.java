package io.hotline.bench;

import io.hotline.kernel.cases.CaseDispatched;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.fulltext.LuceneIndex;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.readmodel.ProjectionBatch;
import io.hotline.query.search.CaseDocuments;
import io.hotline.query.search.CaseFilter;
import io.hotline.query.search.CaseLists;
import io.hotline.query.search.CaseSearch;
import io.hotline.query.search.CaseIndex;
import io.hotline.query.search.CaseIndexProjection;
import io.hotline.query.search.CaseTextSearch;
import io.hotline.query.search.DuplicateSuggestions;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The full-text search benchmark (see BENCHMARKS.md, "Full-text search"): indexes {@code bench.searchCases}
 * synthetic Chinese cases (default 1,000,000; the seeding stops at {@code bench.searchSeedSeconds} and says so)
 * through the case index's own projection, in processor-sized batches, into an index on disk, then measures
 * free-text + filter searches, deep cursor pages and duplicate suggestions (p50 / p99), live indexing in small
 * batches, and the rebuild rate (the seeding is a rebuild: the whole log read into an empty index).
 */
class SearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SearchBenchmark.class);

    private final int cases = Integer.getInteger("bench.searchCases", 1_000_000);
    private final Duration seedCap = Duration.ofSeconds(Integer.getInteger("bench.searchSeedSeconds", 240));
    private final int queries = Integer.getInteger("bench.searchQueries", 1000);
    private final Random random = new Random(20261122L);
    private final List<String> report = new ArrayList<>();

    static final String[][] TOPICS = {
            {"路灯不亮", "门口路灯坏了好几天，晚上出行不便"},
            {"夜间施工噪音扰民", "工地晚上十一点以后还在施工，影响休息"},
            {"楼上卫生间漏水", "楼上卫生间漏水到我家天花板，协商无果"},
            {"停车收费过高", "物业擅自提高停车费，没有公示收费标准"},
            {"公积金提取咨询", "想咨询购房提取公积金需要什么材料"},
            {"社保缴费问题", "单位没有按时缴纳社保，影响医保报销"},
            {"垃圾清运不及时", "垃圾桶满了好几天没人清运，气味很大"},
            {"楼顶违章搭建", "邻居在楼顶违章搭建彩钢房，存在安全隐患"},
            {"占道经营", "商贩在人行道上占道经营，行人只能走机动车道"},
            {"供暖温度不达标", "家里暖气不热，室温只有十五度"},
            {"突然停水没有通知", "突然停水，没有提前通知，生活不便"},
            {"道路破损积水", "路面出现大坑，雨天积水，车辆容易出事"},
            {"餐饮油烟扰民", "楼下饭店油烟直排，窗户都不能开"},
            {"拖欠农民工工资", "工地老板拖欠农民工工资三个月"},
            {"学校门口交通拥堵", "上下学时间学校门口交通拥堵严重"},
            {"电梯故障停运", "电梯经常故障停运，老人上下楼困难"},
            {"物业服务差", "物业不作为，绿化无人管理，保安形同虚设"},
            {"医保报销咨询", "异地就医医保报销需要办理什么手续"},
            {"井盖丢失", "路口井盖丢失，存在安全隐患"},
            {"广场舞噪音", "广场舞音响声音太大，影响居民休息"},
            {"燃气管道异味", "楼道里有燃气异味，担心管道泄漏"},
            {"出租车拒载", "出租车司机拒载，态度恶劣"},
            {"户籍迁移咨询", "孩子上学需要迁移户籍，咨询办理流程"},
            {"宠物狗扰民", "邻居养狗不拴绳，夜里狗叫扰民"},
            {"公交线路调整建议", "建议增加公交班次，早高峰太挤"},
    };
    static final String[] PLACES = {"幸福小区", "阳光花园", "滨河路", "人民路", "开发区", "东关街道", "新华社区",
            "锦绣家园", "金山大道", "南湖公园", "火车站", "第一中学", "老城区", "高新区", "翠湖小区", "北门口"};
    static final String[] EXTRA = {"希望尽快处理。", "已经反映过多次。", "请相关部门核实。", "周边居民意见很大。",
            "", "", "打了好几次电话没人管。", "请给予答复。"};
    static final String[] UNITS = {"WATER", "STREET", "PARKS", "TRAFFIC", "HOUSING", "HEALTH", "SOCIAL", "CITY-ADMIN",
            "ENVIRONMENT", "EDUCATION", "POLICE", "GAS", "HEAT", "MARKET", "TRANSPORT"};
    static final Actor OPERATOR = Actor.of("op-bench", "HOTLINE", Role.OPERATOR);
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void search() throws Exception {
        // -Dbench.searchIndex=<folder>: keep the index there and, when it already holds cases, search it again
        // without seeding (to rerun the searches alone, on a quiet machine)
        String kept = System.getProperty("bench.searchIndex");
        Path folder = kept == null ? Files.createTempDirectory(Path.of("target"), "bench-search-index")
                : Files.createDirectories(Path.of(kept));
        PhoneHasher phones = new PhoneHasher("bench-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        CaseDocuments documents = new CaseDocuments(converter());
        line("## Full-text search (Lucene " + org.apache.lucene.util.Version.LATEST + ", case index on disk)");
        line("");
        analyzerRecall();
        try (LuceneIndex index = LuceneIndex.open(folder, CaseIndex.analyzer(), CaseDocuments.LAYOUT)) {
            CaseIndexProjection projection = CaseIndex.projection(index, documents, phones);
            Feeder feeder = new Feeder(projection);

            line(String.format("- machine: %d cores, load average %.1f at the start",
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            int indexed = index.size();
            if (indexed == 0) {
                indexed = rebuild(index, feeder, phones, folder);
            } else {
                line(String.format("- searched again: the index kept in %s, %,d cases (no seeding)", folder, indexed));
            }
            runSearches(index, documents, feeder, phones, indexed);
        } finally {
            report.forEach(log::info);
            Files.write(Path.of("target", "bench-search-report.md"), report);
            if (kept == null) {
                deleteAll(folder);
            }
        }
    }

    /** The rebuild: the log read into an empty index, in batches of 1000 events as a processor reads it. */
    private int rebuild(LuceneIndex index, Feeder feeder, PhoneHasher phones, Path folder) throws Exception {
        long started = System.nanoTime();
        long startedCpu = THREADS.getCurrentThreadCpuTime();
        long deadline = started + seedCap.toNanos();
        List<EventMessage<?>> batch = new ArrayList<>();
        int indexed = 0;
        long events = 0;
        while (indexed < cases && System.nanoTime() < deadline) {
            List<EventMessage<?>> story = story(indexed, phones);
            batch.addAll(story);
            events += story.size();
            indexed++;
            if (batch.size() >= 1000) {
                feeder.batch(batch);
                batch.clear();
            }
        }
        feeder.batch(batch);
        index.commit(OptionalLong.of(events - 1), "bench");
        index.refreshNow();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - startedCpu) / 1e9;
        line(String.format("- rebuild: %,d cases (%,d events) in %.1f s: **%,.0f events/s, %,.0f cases/s** "
                        + "(%,.0f events per CPU-second of the indexing thread)%s",
                indexed, events, seconds, events / seconds, indexed / seconds, events / cpuSeconds,
                indexed < cases ? " (stopped at the " + seedCap.toSeconds() + " s cap; target was "
                        + String.format("%,d", cases) + ")" : ""));
        line(String.format("- index on disk: %,d MiB", size(folder) / (1024 * 1024)));
        return indexed;
    }

    private void runSearches(LuceneIndex index, CaseDocuments documents, Feeder feeder, PhoneHasher phones,
                             int indexed) throws Exception {
        // live indexing: new cases arriving a few events at a time, a searcher reopened per batch
        int live = Math.min(5000, Math.max(500, indexed / 100));
        long liveStart = System.nanoTime();
        for (int i = 0; i < live; i++) {
            feeder.batch(story(indexed + i, phones));
        }
        index.refreshNow();
        double liveSeconds = (System.nanoTime() - liveStart) / 1e9;
        line(String.format("- live indexing (one case's events per batch, %,d cases): **%,.0f cases/s**",
                live, live / liveSeconds));
        int total = indexed + live;

        Instant now = START.plus(Duration.ofMinutes(total + 60L));
        Timing text = new Timing();
        Timing filtered = new Timing();
        Timing scoped = new Timing();
        long hits = 0;
        int past = 0;
        for (int i = 0; i < queries; i++) {
            String[] topic = TOPICS[random.nextInt(TOPICS.length)];
            List<String> words = List.of(topic[0].substring(0, 2), topic[0].substring(topic[0].length() - 2),
                    PLACES[random.nextInt(PLACES.length)]);
            String q = words.get(random.nextInt(words.size())) + (random.nextBoolean() ? " " + words.get(0) : "");
            CaseTextSearch.Found found = timed(text,
                    () -> CaseTextSearch.search(index, filter(q, null, null, null), now, 0, 20, null));
            hits += found.total();
            past += found.exact() ? 0 : 1;
            String area = "3706" + String.format("%02d", random.nextInt(20));
            timed(filtered, () -> CaseTextSearch.search(index, filter(q, area, EnumSet.of(CaseStatus.DISPATCHED,
                    CaseStatus.IN_HANDLING), null), now, 0, 20, null));
            String unit = UNITS[random.nextInt(UNITS.length)];
            timed(scoped, () -> CaseTextSearch.search(index, filter(q, null, null, unit), now, 0, 20, null));
        }
        line(String.format("- free text, %,d cases, top 20 with total and highlights (mean %,d hits counted; %d %% "
                        + "of the searches had more than the %,d counted exactly): %s", total, hits / queries,
                100 * past / queries, CaseTextSearch.COUNTED_EXACTLY, text.summary()));
        line("- free text + area + status filters: " + filtered.summary());
        line("- free text scoped to a unit (a handler's search): " + scoped.summary());
        workingLists(index, now);

        Timing deep = new Timing();
        CaseFilter common = filter("小区", null, null, null);
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            String after = cursor;
            CaseTextSearch.Found found = timed(deep, () -> CaseTextSearch.search(index, common, now, 0, 50, after));
            cursor = found.cursor();
            if (cursor == null) {
                break;
            }
        }
        line("- cursor pages 1–200 of 50 through a common word: " + deep.summary());

        Timing duplicates = new Timing();
        for (int i = 0; i < Math.max(100, queries / 2); i++) {
            String[] topic = TOPICS[random.nextInt(TOPICS.length)];
            String place = PLACES[random.nextInt(PLACES.length)];
            String phone = phone(random.nextInt(total));
            String area = "3706" + String.format("%02d", random.nextInt(20));
            timed(duplicates, () -> DuplicateSuggestions.suggest(index, documents, new DuplicateSuggestions.Typed(
                    place + topic[0], place + topic[1], area, phones.hash(phone), null), now,
                    Duration.ofDays(30), 8));
        }
        line("- duplicate suggestions (more-like-this + caller's phone hash, 30-day window): "
                + duplicates.summary());
    }

    /**
     * The working lists off the index ({@link CaseLists}): the board's and the search screen's filters without free
     * text, sorted by the documents' sort values and counted exactly (every match is walked to count it).
     */
    private void workingLists(LuceneIndex index, Instant now) {
        EnumSet<CaseStatus> working = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING);
        Timing overdue = new Timing();
        Timing byUnit = new Timing();
        Timing unitByCategory = new Timing();
        Timing deepPage = new Timing();
        long overdueTotal = 0;
        for (int i = 0; i < queries; i++) {
            String area = "3706" + String.format("%02d", random.nextInt(20));
            String lead = UNITS[random.nextInt(UNITS.length)] + "-" + area.substring(4);
            CaseFilter late = new CaseFilter(working, null, null, null, null, null, true, null, null, null, null, null,
                    null, null);
            overdueTotal = timed(overdue, () -> CaseLists.list(index, late, CaseSearch.Order.OVERDUE, now, 0, 20)).total();
            timed(byUnit, () -> CaseLists.list(index, new CaseFilter(working, null, null, null, area, null, null, null,
                    null, null, null, null, null, null), CaseSearch.Order.UNIT, now, 0, 20));
            timed(unitByCategory, () -> CaseLists.list(index, new CaseFilter(null, lead, null, null, null, null, null,
                    null, null, null, null, null, null, null), CaseSearch.Order.CATEGORY, now, 0, 20));
            timed(deepPage, () -> CaseLists.list(index, late, CaseSearch.Order.OVERDUE, now, 49, 20));
        }
        line(String.format("- working list: the whole city's overdue cases by deadline, first 20 of %,d, counted: %s",
                overdueTotal, overdue.summary()));
        line("- working list: a district's open cases by unit, first 20, counted: " + byUnit.summary());
        line("- working list: a unit's cases by category, first 20, counted: " + unitByCategory.summary());
        line("- working list: the overdue cases' page 50 (of 20): " + deepPage.summary());
    }

    /** Words a caller or an operator would search the TOPICS by, often a part of a longer word in the text. */
    static final String[] PROBES = {"路灯", "停车", "停车费", "漏水", "卫生间", "天花板", "噪音", "施工", "公积金", "提取",
            "医保", "报销", "违章", "彩钢房", "井盖", "油烟", "拖欠工资", "农民工", "暖气", "停水", "电梯", "燃气", "异味",
            "拒载", "户籍", "狗叫", "公交", "班次", "交通拥堵", "学校门口", "人行道", "安全隐患", "社保", "垃圾", "清运",
            "广场舞", "音响", "物业", "保安", "绿化", "室温", "积水", "大坑", "老人", "迁移", "收费标准", "饭店", "司机"};

    /**
     * Recall of the two candidate analyzers on hotline words: each probe must find the topic texts holding it.
     * Smart Chinese alone (text and query cut into dictionary words, every query word required) against what the
     * case index does (text as bigrams, the query's words as phrases of bigrams).
     */
    private void analyzerRecall() throws Exception {
        org.apache.lucene.analysis.Analyzer words = io.hotline.query.fulltext.ChineseAnalysis.words();
        int smartFound = 0;
        int bigramFound = 0;
        int expected = 0;
        try (var smart = LuceneIndex.inMemory("smart", words, "r");
             var bigrams = LuceneIndex.inMemory("bigrams", CaseIndex.analyzer(), "r")) {
            for (int i = 0; i < TOPICS.length; i++) {
                String text = TOPICS[i][0] + "，" + TOPICS[i][1];
                for (LuceneIndex index : List.of(smart, bigrams)) {
                    index.update("id", "t" + i, List.of(
                            new org.apache.lucene.document.StringField("id", "t" + i,
                                    org.apache.lucene.document.Field.Store.YES),
                            new org.apache.lucene.document.TextField("content", text,
                                    org.apache.lucene.document.Field.Store.YES)));
                }
            }
            smart.refreshNow();
            bigrams.refreshNow();
            for (String probe : PROBES) {
                for (int i = 0; i < TOPICS.length; i++) {
                    if (!(TOPICS[i][0] + "，" + TOPICS[i][1]).contains(probe)) {
                        continue;
                    }
                    expected++;
                    org.apache.lucene.search.BooleanQuery.Builder all = new org.apache.lucene.search.BooleanQuery.Builder();
                    for (String term : io.hotline.query.fulltext.ChineseAnalysis.terms(words, "content", probe)) {
                        all.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term("content", term)),
                                org.apache.lucene.search.BooleanClause.Occur.MUST);
                    }
                    String id = "t" + i;
                    org.apache.lucene.search.Query smartQuery = all.build();
                    if (smart.search(searcher -> found(searcher, smartQuery, id))) {
                        smartFound++;
                    }
                    org.apache.lucene.search.Query bigramQuery = CaseTextSearch.textQuery(probe, "content");
                    if (bigrams.search(searcher -> found(searcher, bigramQuery, id))) {
                        bigramFound++;
                    }
                }
            }
        }
        line(String.format("- analyzer recall on %d hotline probes (%d texts to find): Smart Chinese words %.0f %%, "
                        + "bigrams with word phrases (used) %.0f %%", PROBES.length, expected,
                100.0 * smartFound / expected, 100.0 * bigramFound / expected));
    }

    private static boolean found(org.apache.lucene.search.IndexSearcher searcher, org.apache.lucene.search.Query query,
                                 String id) throws java.io.IOException {
        var stored = searcher.storedFields();
        for (var hit : searcher.search(query, 100).scoreDocs) {
            if (id.equals(stored.document(hit.doc).get("id"))) {
                return true;
            }
        }
        return false;
    }

    private static CaseFilter filter(String text, String area, EnumSet<CaseStatus> statuses, String scope) {
        return new CaseFilter(statuses, null, null, null, area, null, null, null, null, text, null, null,
                scope == null ? null : java.util.Set.of(scope), null);
    }

    /** The events of synthetic case {@code n}: registered, dispatched, and for some signed for, progress, reply. */
    private List<EventMessage<?>> story(int n, PhoneHasher phones) {
        String id = "bench-" + n;
        String[] topic = TOPICS[random.nextInt(TOPICS.length)];
        String place = PLACES[random.nextInt(PLACES.length)];
        String area = "3706" + String.format("%02d", random.nextInt(20));
        Instant at = START.plus(Duration.ofMinutes(n));
        String lead = UNITS[random.nextInt(UNITS.length)] + "-" + area.substring(4);
        List<Object> events = new ArrayList<>();
        events.add(new CaseRegistered(id, String.format("2026%07d", n), "req-" + id, Channel.HOTLINE,
                Category.COMPLAINT, Urgency.NORMAL, (random.nextBoolean() ? place : "") + topic[0],
                place + topic[1] + EXTRA[random.nextInt(EXTRA.length)],
                new Citizen("张三", phone(n), null), area, OPERATOR, at));
        events.add(new CaseDispatched(id, lead, List.of(), lead, false,
                new Deadline(DeadlineKind.SIGN_FOR, at, at.plus(Duration.ofHours(8)), at.plus(Duration.ofHours(10))),
                OPERATOR, at.plusSeconds(60)));
        Actor handler = Actor.of("h-" + lead, lead, Role.UNIT_HANDLER);
        int stage = random.nextInt(10);
        if (stage >= 3) {
            events.add(new CaseSignedFor(id, lead, true, new Deadline(DeadlineKind.COMPLETION, at,
                    at.plus(Duration.ofDays(8)), at.plus(Duration.ofDays(10))), handler, at.plusSeconds(120)));
        }
        if (stage >= 6) {
            events.add(new ProgressRecorded(id, lead, "已安排人员到" + place + "现场查看", handler, at.plusSeconds(180)));
        }
        if (stage >= 8) {
            events.add(new CaseReplied(id, lead, ReplyResult.SOLVED, "经核实，" + topic[0] + "问题已处理完毕", true,
                    handler, at.plusSeconds(240)));
        }
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(new GenericDomainEventMessage<>("Case", id, i, events.get(i)));
        }
        return messages;
    }

    private static String phone(int n) {
        return "139" + String.format("%08d", n % 200_000);
    }

    /** Feeds events to the projection's handlers as the index's processor does: one batch at a time. */
    private record Feeder(ProjectionBatch batches, List<AnnotationEventHandlerAdapter> handlers) {

        Feeder(CaseIndexProjection projection) {
            this(projection, projection.handlers().stream().map(AnnotationEventHandlerAdapter::new).toList());
        }

        void batch(List<EventMessage<?>> events) throws Exception {
            if (events.isEmpty()) {
                return;
            }
            batches.begin(events);
            for (EventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    handler.handle(event);
                }
            }
            batches.flush();
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * Wall time and the calling thread's CPU time of each call. On a shared machine (the load average is printed)
     * the wall time includes waiting for a core; the CPU time is what the search itself costs.
     */
    private static final class Timing {
        final Latencies wall = new Latencies();
        final Latencies cpu = new Latencies();

        String summary() {
            return "wall " + wall.summary() + "; CPU " + cpu.summary().replaceAll(" \\(n=\\d+\\)", "");
        }
    }

    private static <T> T timed(Timing timing, java.util.function.Supplier<T> call) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = call.get();
        timing.wall.record(start);
        timing.cpu.record(System.nanoTime() - (THREADS.getCurrentThreadCpuTime() - cpu));
        return result;
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    private static long size(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private void line(String text) {
        report.add(text);
    }
}

package io.hotline.query.search;

import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.fulltext.LuceneIndex;
import io.hotline.query.personal.PhoneHasher;
import io.hotline.query.projection.CaseStory;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case index in memory, fed by hand with the events of {@link CaseStory}s as the index's processor would. */
final class IndexedCases implements AutoCloseable {

    static final PhoneHasher PHONES = new PhoneHasher("test-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));

    final LuceneIndex index = LuceneIndex.inMemory("cases", CaseIndex.analyzer(), CaseDocuments.LAYOUT);
    final CaseDocuments documents = new CaseDocuments(converter());
    final CaseIndexProjection projection = CaseIndex.projection(index, documents, PHONES);
    private final List<AnnotationEventHandlerAdapter> handlers = projection.handlers().stream()
            .map(AnnotationEventHandlerAdapter::new).toList();

    static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    /** A registration with a caller of its own. */
    static CaseRegistered registered(String caseId, String title, String content, String area, String phone,
                                     Instant at) {
        return new CaseRegistered(caseId, "N-" + caseId, "req-" + caseId, Channel.HOTLINE, Category.COMPLAINT,
                Urgency.NORMAL, title, content, new Citizen("李四", phone, null, null), area, CaseStory.OPERATOR, at);
    }

    static EventMessage<?> message(String caseId, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Case", caseId, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.EPOCH);
    }

    /** Every step of the stories, event by event, outside any batch. */
    IndexedCases tell(CaseStory... stories) {
        for (CaseStory story : stories) {
            story.steps().forEach(step -> handle(message(story.caseId(), step.sequence(), step.event())));
        }
        index.refreshNow();
        return this;
    }

    /** One event of a case, outside any batch. */
    IndexedCases tell(String caseId, long sequence, Object event) {
        handle(message(caseId, sequence, event));
        index.refreshNow();
        return this;
    }

    /** The events as one processor batch. */
    IndexedCases batch(List<EventMessage<?>> events) {
        projection.begin(events);
        events.forEach(this::handle);
        projection.flush();
        index.refreshNow();
        return this;
    }

    private void handle(EventMessage<?> message) {
        try {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        index.close();
    }
}

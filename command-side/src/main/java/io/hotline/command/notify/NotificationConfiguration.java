package io.hotline.command.notify;

import io.hotline.command.policy.SatisfactionScale;
import io.hotline.command.privacy.SealedPersonalData;
import io.hotline.kernel.citizen.QueryCodes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/**
 * Wires the citizen notifications: the outbox and its side tables, the sender over whichever gateways the
 * platform configured (none: every message is kept and recorded as suppressed), the inbound SMS handling.
 * A failing notification step stops its processor, which retries the same event, instead of skipping it: a
 * skipped event would be a message never sent.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    @Bean
    ConfigurerModule citizenNotificationRetries() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                CitizenNotifications.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * Where the processor starts the first time it runs: {@code app.notifications.catch-up} (10 minutes) before
     * now, not at the start of the log. An installation that gains notifications must not text every citizen
     * about every case it ever had; the few minutes cover the events of a node's first moments.
     */
    @Bean
    ConfigurerModule citizenNotificationsStartNearNow(Clock clock,
                                                      @Value("${app.processing.segments:2}") int segments,
                                                      @Value("${app.processing.claim-interval:1s}") Duration claimInterval,
                                                      @Value("${app.notifications.catch-up:10m}") Duration catchUp) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                CitizenNotifications.PROCESSING_GROUP, configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(segments)
                        .andInitialSegmentsCount(segments)
                        .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(source -> source.createTokenAt(clock.instant().minus(catchUp))));
    }

    @Bean
    Outbox citizenOutbox(MongoDatabaseFactory mongo) {
        return new Outbox(mongo.getMongoDatabase());
    }

    @Bean
    NotifiedCases notifiedCases(MongoDatabaseFactory mongo) {
        return new NotifiedCases(mongo.getMongoDatabase());
    }

    @Bean
    OptOuts optOuts(MongoDatabaseFactory mongo) {
        return new OptOuts(mongo.getMongoDatabase());
    }

    @Bean
    ContactBook contactBook(MongoDatabaseFactory mongo) {
        return new ContactBook(mongo.getMongoDatabase());
    }

    @Bean
    SatisfactionDigits satisfactionDigits(SatisfactionScale scale) {
        return new SatisfactionDigits(scale);
    }

    @Bean
    NotificationTally notificationTally(MongoDatabaseFactory mongo) {
        return new NotificationTally(mongo.getMongoDatabase());
    }

    @Bean
    OutcomeRecorder outcomeRecorder(CommandGateway commands, ObjectProvider<NotificationFigures> figures,
                                    NotificationTally tally) {
        return new OutcomeRecorder(commands, figures.getIfAvailable(() -> (channel, template, outcome) -> { }), tally);
    }

    @Bean
    DeliveryReceipts deliveryReceipts(Outbox outbox, OutcomeRecorder recorder, Clock clock) {
        return new DeliveryReceipts(outbox, recorder, clock);
    }

    @Bean
    InboundMessages inboundMessages(SealedPersonalData sealed, ContactBook contactBook, OptOuts optOuts, Outbox outbox,
                                    SatisfactionDigits digits, CommandGateway commands, MongoDatabaseFactory mongo,
                                    Clock clock, ZoneId zone) {
        return new InboundMessages(sealed, contactBook, optOuts, outbox, digits, commands, mongo.getMongoDatabase(),
                clock, zone);
    }

    @Bean
    NotificationSender notificationSender(Outbox outbox, EventStore events, ObjectProvider<MessageGateway> gateways,
                                          SealedPersonalData sealed, OptOuts optOuts, ContactBook contactBook,
                                          SatisfactionDigits digits, QueryCodes queryCodes, OutcomeRecorder recorder,
                                          NotificationSettings settings, Clock clock, ZoneId zone) {
        return new NotificationSender(outbox, new CitizenContacts(events), gateways.orderedStream().toList(), sealed,
                optOuts, contactBook, new MessageTexts(settings, queryCodes, digits), recorder, settings,
                new QuietHours(settings.quietStart(), settings.quietEnd(), zone), clock);
    }
}

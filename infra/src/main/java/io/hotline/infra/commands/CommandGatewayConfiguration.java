package io.hotline.infra.commands;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two people acting on one case at once: a node serialises commands on one case itself; across nodes the
 * event log refuses the second append (optimistic concurrency). Retrying that command is safe, because
 * nothing of it was stored and it is decided again against the case as it now is; so the gateway retries
 * exactly those failures a few times, and everything else (a broken rule above all) is answered at once.
 * <p>
 * Commands run on a pool of their own ({@code app.commands.threads}, default 16), never on the caller's thread.
 * A command waits on the store (the case's events, the append, the durable commit) far longer than it computes;
 * handled on the caller's thread, an HTTP command held one of WebFlux's few event-loop threads (one per core)
 * for all that time, so two cores served two commands at once and every other request, reads included, queued
 * behind them. The benchmark showed it: 10 registrations/s with 32 requests in flight, the CPU mostly idle.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService commandExecutor(@Value("${app.commands.threads:16}") int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "command-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's own command bus, as its Spring Boot configuration builds it, but handing each command to the pool. */
    @Bean
    @Qualifier("localSegment")
    AsynchronousCommandBus commandBus(TransactionManager transactions, org.axonframework.config.Configuration axon,
                                      DuplicateCommandHandlerResolver duplicates, ExecutorService commandExecutor) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(commandExecutor)
                .transactionManager(transactions)
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        return bus;
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  @Value("${app.commands.concurrency-retries:3}") int retries) {
        IntervalRetryScheduler retry = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(20)
                .maxRetryCount(retries)
                // Axon tests the failure and each of its causes: the store's duplicate-key error is the cause
                // of a concurrency failure, so it must not count as final either.
                .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException
                        || failure instanceof AggregateStreamCreationException
                        || failure instanceof MongoWriteException write
                        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY))
                .build();
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retry).build();
    }
}

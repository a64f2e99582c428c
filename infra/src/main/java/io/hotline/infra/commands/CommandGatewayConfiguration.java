package io.hotline.infra.commands;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Two people acting on one case at once: a node serialises commands on one case itself; across nodes the
 * event log refuses the second append (optimistic concurrency). Retrying that command is safe, because
 * nothing of it was stored and it is decided again against the case as it now is; so the gateway retries
 * exactly those failures a few times, and everything else (a broken rule above all) is answered at once.
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

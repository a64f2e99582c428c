package io.hotline.command.notify;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/notifications/figures}: messages to citizens sent, delivered, failed and suppressed, by
 * channel and template, since the start; for the dashboard. Counts only: nothing personal. Any signed-in reader.
 */
@RestController
class NotificationFiguresController {

    private final NotificationTally tally;

    NotificationFiguresController(NotificationTally tally) {
        this.tally = tally;
    }

    @GetMapping("/api/v1/notifications/figures")
    Mono<Map<String, List<NotificationTally.Row>>> figures() {
        return Mono.fromCallable(() -> Map.of("rows", tally.rows())).subscribeOn(Schedulers.boundedElastic());
    }
}

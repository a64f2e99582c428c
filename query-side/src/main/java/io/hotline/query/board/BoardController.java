package io.hotline.query.board;

import io.hotline.query.QueryProperties;
import io.hotline.query.readmodel.ReadModel;
import io.hotline.query.readmodel.ReadModelGenerations;
import io.hotline.query.web.ListParameters;
import io.hotline.query.web.Readers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The coordination board's lists: {@code GET /api/v1/board/{queue}?page=&size=} for a queue of {@link QueueName}
 * in lower case ({@code objections}, {@code extensions}, {@code overdue}, {@code callback}, {@code registered}),
 * longest-waiting first, in pages as the search answers them (same limits). Each read is one {@code _id} lookup of
 * the queue's document; only the roles that act on a queue may read it (403 otherwise, also when the web edge let
 * the request through by mistake).
 */
@RestController
@RequestMapping("/api/v1/board")
class BoardController {

    private static final Logger log = LoggerFactory.getLogger(BoardController.class);
    /** The parameters a list takes; any other is refused, as the search refuses them. */
    private static final Set<String> PARAMETERS = new LinkedHashSet<>(List.of("page", "size"));

    private final ReactiveMongoTemplate mongo;
    private final ReadModelGenerations generations;
    private final Readers readers;
    private final Clock clock;
    private final QueryProperties properties;

    BoardController(ReactiveMongoTemplate mongo, ReadModelGenerations generations, Readers readers, Clock clock,
                    QueryProperties properties) {
        this.mongo = mongo;
        this.generations = generations;
        this.readers = readers;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping("/{queue}")
    Mono<BoardPage> list(@PathVariable String queue,
                         @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size,
                         ServerHttpRequest request) {
        QueueName name = QueueName.inPath(queue).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No board list " + (queue.length() > 40 ? queue.substring(0, 40) + "…" : queue) + "; known: "
                        + Arrays.stream(QueueName.values()).map(QueueName::path).toList()));
        ListParameters listed = ListParameters.checked(request, PARAMETERS, page, size, properties);
        return readers.current()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Not signed in")))
                .flatMap(reader -> {
                    if (!name.mayBeReadBy(reader)) {
                        log.warn("Refused the board list {} to user {} with roles {}", name.path(), reader.userId(),
                                reader.roles());
                        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                                "Your roles do not show the board list " + name.path()));
                    }
                    return mongo.findById(name.name(), Queue.class,
                                    generations.liveCollection(ReadModel.CASES, Queue.COLLECTION))
                            .defaultIfEmpty(Queue.empty(name.name()))
                            .map(found -> BoardPage.of(found, name, listed.page(), listed.size(), clock.instant()));
                });
    }
}

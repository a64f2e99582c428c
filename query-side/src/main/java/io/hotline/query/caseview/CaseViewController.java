package io.hotline.query.caseview;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Reads one case from its view. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseViewController {

    private final ReactiveMongoTemplate mongo;

    CaseViewController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{caseId}")
    Mono<CaseView> byId(@PathVariable String caseId) {
        return mongo.findById(caseId, CaseView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId)));
    }
}

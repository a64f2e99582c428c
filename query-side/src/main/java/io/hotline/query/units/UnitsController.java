package io.hotline.query.units;

import io.hotline.kernel.units.UnitKind;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 单位目录 for everyone signed in: names instead of codes wherever a unit is shown or chosen. The directory is the
 * organisation's public face, not case data, so every role reads all of it.
 */
@RestController
@RequestMapping("/api/v1/units")
class UnitsController {

    private static final int MAX_TEXT = 64;

    private final UnitDirectoryReader directory;

    UnitsController(UnitDirectoryReader directory) {
        this.directory = directory;
    }

    @GetMapping
    Flux<UnitView> units(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String parent, @RequestParam(required = false) String under,
                         @RequestParam(defaultValue = "false") boolean inService) {
        if (q != null && q.length() > MAX_TEXT) {
            throw invalid("q", "at most " + MAX_TEXT + " characters");
        }
        if (kind != null && Arrays.stream(UnitKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw invalid("kind", "one of " + Arrays.toString(UnitKind.values()));
        }
        return directory.units(q, kind, parent, under, inService);
    }

    @GetMapping("/{code}")
    Mono<UnitView> unit(@PathVariable String code) {
        return directory.unit(code)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No unit " + code)));
    }

    private static ResponseStatusException invalid(String field, String rule) {
        ResponseStatusException problem = new ResponseStatusException(HttpStatus.BAD_REQUEST, field + ": " + rule) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                return headers;
            }
        };
        problem.getBody().setTitle("Invalid request");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "reason", rule)));
        return problem;
    }
}

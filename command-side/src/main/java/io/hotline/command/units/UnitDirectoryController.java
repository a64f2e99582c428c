package io.hotline.command.units;

import io.hotline.command.web.Callers;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.units.EstablishUnit;
import io.hotline.kernel.units.ImportUnits;
import io.hotline.kernel.units.MoveUnit;
import io.hotline.kernel.units.RenameUnit;
import io.hotline.kernel.units.RetireUnit;
import io.hotline.kernel.units.UnitEntry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * The administrator's side of the 单位目录 ({@code /api/v1/admin/units}, guarded by the access rules and asked
 * again by the directory): add a unit, import a CSV file all or nothing, rename, move, retire, and load the bundled
 * demo directory of the seed city. Every answer to a refusal lists each problem with its row, field and rule.
 */
@RestController
@RequestMapping("/api/v1/admin/units")
class UnitDirectoryController {

    /** The bundled demo directory of 威海市, marked as demo data when loaded. */
    static final String DEMO_DIRECTORY = "units/weihai-demo.csv";

    private final CommandGateway commands;
    private final Callers callers;

    UnitDirectoryController(CommandGateway commands, Callers callers) {
        this.commands = commands;
        this.callers = callers;
    }

    record Renaming(String fullName, String shortName) {
    }

    record Placement(String parent) {
    }

    record Retirement(LocalDate lastDay, String successor) {
    }

    @PostMapping
    Mono<ResponseEntity<Map<String, Object>>> establish(@RequestBody UnitEntry unit) {
        return callers.current()
                .flatMap(admin -> Mono.fromFuture(commands.send(new EstablishUnit(UnitDirectory.ID, unit, admin))))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(Map.of("code", unit.code())));
    }

    /** A CSV file (see {@link UnitsCsv}) as the request body, {@code text/csv} or plain text. */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    Mono<Map<String, Object>> importFile(@RequestBody String csv) {
        return importUnits(csv, false, "upload");
    }

    @PostMapping("/demo-directory")
    Mono<Map<String, Object>> importDemo() {
        try {
            String csv = new ClassPathResource(DEMO_DIRECTORY).getContentAsString(StandardCharsets.UTF_8);
            return importUnits(csv, true, DEMO_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo directory is part of the build", e);
        }
    }

    @PostMapping("/{code}/rename")
    Mono<Map<String, Object>> rename(@PathVariable String code, @RequestBody Renaming renaming) {
        return send(code, admin -> new RenameUnit(UnitDirectory.ID, code, renaming.fullName(), renaming.shortName(),
                admin));
    }

    @PostMapping("/{code}/move")
    Mono<Map<String, Object>> move(@PathVariable String code, @RequestBody Placement placement) {
        String parent = placement.parent() == null || placement.parent().isBlank() ? null : placement.parent();
        return send(code, admin -> new MoveUnit(UnitDirectory.ID, code, parent, admin));
    }

    @PostMapping("/{code}/retire")
    Mono<Map<String, Object>> retire(@PathVariable String code, @RequestBody Retirement retirement) {
        return send(code, admin -> new RetireUnit(UnitDirectory.ID, code, retirement.lastDay(),
                retirement.successor(), admin));
    }

    private Mono<Map<String, Object>> importUnits(String csv, boolean demo, String source) {
        UnitsCsv.Parsed parsed = UnitsCsv.parse(csv);
        if (!parsed.problems().isEmpty()) {
            // Cells that cannot be read are reported first, all of them; the directory's rules come once it reads.
            return Mono.error(new DirectoryRuleViolation(parsed.problems()));
        }
        return callers.current()
                .flatMap(admin -> Mono.fromFuture(commands.send(
                        new ImportUnits(UnitDirectory.ID, parsed.units(), demo, source, admin))))
                .thenReturn(Map.of("imported", parsed.units().size(), "demo", demo));
    }

    private Mono<Map<String, Object>> send(String code, Function<Actor, Object> command) {
        return callers.current()
                .flatMap(admin -> Mono.fromFuture(commands.send(command.apply(admin))))
                .thenReturn(Map.of("code", code));
    }
}

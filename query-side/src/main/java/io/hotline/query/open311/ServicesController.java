package io.hotline.query.open311;

import io.hotline.kernel.open311.Format;
import io.hotline.kernel.open311.Open311Refusal;
import io.hotline.kernel.open311.Open311Settings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public, read-only part of GeoReport v2 that needs no case data: the discovery document, the service list
 * and the service definitions. Open to anyone, as the standard has it; they come from configuration (no read
 * model), and they answer on every node that runs the query side.
 */
@RestController
class ServicesController {

    private final ServiceCatalogue catalogue;
    private final Open311Settings settings;

    ServicesController(ServiceCatalogue catalogue, Open311Settings settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @GetMapping("/open311/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, ServerHttpRequest request) {
        String base = request.getURI().resolve("/").toString().replaceAll("/$", "");
        return Open311Answers.ok(Format.of(format), "discovery", Discovery.at(base, settings.contact()));
    }

    @GetMapping("/open311/v2/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format answer = Format.of(format);
        settings.checkJurisdiction(jurisdiction);
        return Open311Answers.ok(answer, "services", catalogue.services());
    }

    @GetMapping("/open311/v2/services/{serviceCode}.{format}")
    ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
        Format answer = Format.of(format);
        settings.checkJurisdiction(jurisdiction);
        return catalogue.definition(serviceCode)
                .map(definition -> Open311Answers.ok(answer, "service_definition", definition))
                .orElseThrow(() -> new Open311Refusal(HttpStatus.NOT_FOUND.value(), "service_code",
                        "no service with this code; see services." + format));
    }
}

package io.hotline.kernel.open311;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Open311XmlTest {

    @Test
    void aListHoldsOneElementPerItemNamedAsTheStandardNamesThem() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("service_request_id", "a1");
        first.put("lat", 37.5);
        first.put("zipcode", null);

        String xml = Open311Xml.write("service_requests", List.of(first));

        assertThat(xml).endsWith("<service_requests><request><service_request_id>a1</service_request_id>"
                + "<lat>37.5</lat><zipcode/></request></service_requests>");
    }

    @Test
    void nestedListsAndScalarsFollowTheSameRule() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", 404);
        error.put("description", "format: <json> & xml");
        Map<String, Object> endpoint = Map.of("formats", Arrays.asList("text/xml", "application/json"));

        assertThat(Open311Xml.write("errors", List.of(error))).endsWith(
                "<errors><error><code>404</code><description>format: &lt;json&gt; &amp; xml</description></error>"
                        + "</errors>");
        assertThat(Open311Xml.write("endpoint", endpoint)).endsWith(
                "<endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint>");
    }
}

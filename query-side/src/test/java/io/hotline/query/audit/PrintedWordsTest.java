package io.hotline.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit tools print: scrubbing of numbers and HTML escaping (sentences and the CSV have their own tests). */
class PrintedWordsTest {

    @Test
    void numbersAreScrubbedButCaseNumbersAndDatesStay() {
        assertThat(PersonalDataScrub.text("来电 +86 138-0013-8000，身份证 11010119900307123X"))
                .isEqualTo("来电 ***，身份证 ***");
        assertThat(PersonalDataScrub.text("并入 20261123-000001，预计 2026-11-30 完成，共 3 处"))
                .isEqualTo("并入 20261123-000001，预计 2026-11-30 完成，共 3 处");

        ObjectNode stored = (ObjectNode) json("{\"title\":\"t\",\"citizen\":{\"name\":\"张三\","
                + "\"phone\":\"13800138000\",\"idNumber\":\"110101199003071234\"}}");
        JsonNode shown = PersonalDataScrub.payload(stored);
        assertThat(shown.get("citizen").get("phone").asText()).isEqualTo("138****8000");
        assertThat(shown.get("citizen").get("idNumber").asText()).isEqualTo("110***********1234");
        assertThat(stored.get("citizen").get("phone").asText()).isEqualTo("13800138000");
    }

    @Test
    void htmlEscapesEverythingItIsGiven() {
        String page = Html.document("<title>").element("p", "x\"y", "<script>alert('1')</script>&").finish();
        assertThat(page).contains("<title>&lt;title&gt;</title>")
                .contains("<p class=\"x&quot;y\">&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt;&amp;</p>")
                .doesNotContain("<script");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}

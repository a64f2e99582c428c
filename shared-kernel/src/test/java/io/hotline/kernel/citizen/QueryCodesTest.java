package io.hotline.kernel.citizen;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryCodesTest {

    private final QueryCodes codes = new QueryCodes("a key of sixteen bytes or more".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCaseAlwaysHasTheSameCodeOfSixReadableCharacters() {
        String code = codes.codeFor("case-1");
        assertThat(code).hasSize(QueryCodes.LENGTH).matches("[" + QueryCodes.ALPHABET + "]+");
        assertThat(codes.codeFor("case-1")).isEqualTo(code);
    }

    @Test
    void otherCasesAndOtherKeysGiveOtherCodes() {
        QueryCodes otherKey = new QueryCodes("another key of sixteen bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(codes.codeFor("case-2")).isNotEqualTo(codes.codeFor("case-1"));
        assertThat(otherKey.codeFor("case-1")).isNotEqualTo(codes.codeFor("case-1"));
    }

    @Test
    void theCodeMatchesWhateverTheCaseAndSpacesAndNothingElseDoes() {
        String code = codes.codeFor("case-1");
        assertThat(codes.matches("case-1", " " + code.toLowerCase() + " ")).isTrue();
        assertThat(codes.matches("case-2", code)).isFalse();
        assertThat(codes.matches("case-1", code.substring(1))).isFalse();
        assertThat(codes.matches("case-1", null)).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new QueryCodes(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}

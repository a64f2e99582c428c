package io.hotline.query.personal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

    final PhoneHasher hasher = new PhoneHasher("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    @Test
    void phonesAreMaskedToTheirFirstThreeAndLastFourDigits() {
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.phone("+86 138-1234-5678")).isEqualTo("138****5678");
        assertThat(Masks.phone("12345")).isEqualTo("***45");
        assertThat(Masks.phone(null)).isNull();
    }

    @Test
    void idNumbersKeepTheirFirstThreeAndLastFourCharacters() {
        assertThat(Masks.idNumber("11010119900307123X")).isEqualTo("110***********123X");
        assertThat(Masks.idNumber(" ")).isNull();
        assertThat(Masks.idNumber("A1234")).isEqualTo("***34");
    }

    @Test
    void oneCallerHashesAlikeHoweverTheNumberIsWritten() {
        String hash = hasher.hash("13812345678");
        assertThat(hash).hasSize(64).isNotEqualTo("13812345678");
        assertThat(hasher.hash("+86 138 1234 5678")).isEqualTo(hash);
        assertThat(hasher.hash("0086-13812345678")).isEqualTo(hash);
        assertThat(hasher.hash("13812345679")).isNotEqualTo(hash);
        assertThat(hasher.hash("no digits")).isNull();
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        PhoneHasher other = new PhoneHasher("fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        assertThat(other.hash("13812345678")).isNotEqualTo(hasher.hash("13812345678"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PhoneHasher(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}

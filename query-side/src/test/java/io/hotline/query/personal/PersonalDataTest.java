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
    void namesKeepTheirFirstCharacterOnlyAndMaskingTwiceChangesNothing() {
        assertThat(Masks.name("张三")).isEqualTo("张*");
        assertThat(Masks.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masks.name("张*")).isEqualTo("张*");
        assertThat(Masks.name("张")).isEqualTo("*");
        assertThat(Masks.name("𠀀三")).isEqualTo("𠀀*");
        assertThat(Masks.name("[已删除]")).isEqualTo("[已删除]");
        assertThat(Masks.name(" ")).isNull();
    }

    @Test
    void unitHandlersSeeNoComplainantAndTheHotlineSeesThemMasked() {
        io.hotline.query.caseview.CitizenView stored = io.hotline.query.caseview.CitizenView.of(
                new io.hotline.kernel.common.Citizen("张三", "13812345678", "11010119900307123X"), hasher);

        assertThat(stored.shownTo(false)).isEqualTo(io.hotline.query.caseview.CitizenView.WITHHELD);
        assertThat(stored.shownTo(false).maskedPhone()).isNull();
        assertThat(stored.shownTo(true).name()).isEqualTo("张*");
        assertThat(stored.shownTo(true).maskedPhone()).isEqualTo("138****5678");
        assertThat(stored.shownTo(true).phoneHash()).isNull();
        // a view stored before names were masked shows no more than a new one
        assertThat(new io.hotline.query.caseview.CitizenView("张三", null, null, null).shownTo(true).name())
                .isEqualTo("张*");
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

package io.hotline.query.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words the figures group unanswered titles by. */
class WordsTest {

    @Test
    void hanTextIsComparedInPairsOfCharactersAndLatinInWords() {
        assertThat(Words.of("停水通知 ABC-12")).containsExactly("停水", "水通", "通知", "abc", "12");
        assertThat(Words.of("水")).containsExactly("水");
    }
}

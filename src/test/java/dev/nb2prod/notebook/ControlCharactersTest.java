package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.write.WriteRefused;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void lineBreaksEscapesAndC1ControlsAreEscapedOtherTextIsKept() {
        assertThat(ControlCharacters.escaped("a\nb\r\u001b[31m\u0082\u2028 é 😀\t"))
            .isEqualTo("a\\u000ab\\u000d\\u001b[31m\\u0082\\u2028 é 😀\\u0009");
    }

    @Test
    void refusalsToExtractOrWriteAreOneLine() {
        // found by ExtractorFuzzTest: a name of U+0082 characters went raw into the refusal message
        assertThat(new ExtractionRefused("cell 1 reads \u0082x, which no cell defines").getMessage())
            .isEqualTo("cell 1 reads \\u0082x, which no cell defines");
        assertThat(new WriteRefused("refusing to write a\nb").getMessage()).isEqualTo("refusing to write a\\u000ab");
    }
}

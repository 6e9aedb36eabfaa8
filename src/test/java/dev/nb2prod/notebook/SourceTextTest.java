package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    @Test
    void countsLinesWithoutATrailingEmptyLine() {
        assertThat(new SourceText("", List.of(4)).lineCount()).isZero();
        assertThat(new SourceText("a", List.of(4)).lineCount()).isEqualTo(1);
        assertThat(new SourceText("a\n", List.of(4, 4)).lineCount()).isEqualTo(1);
        assertThat(new SourceText("a\n\nb", List.of(4, 5, 6)).lineCount()).isEqualTo(3);
        assertThat(new SourceText("\n", List.of(4)).lineCount()).isEqualTo(1);
    }

    @Test
    void splitsLinesKeepingEmptyOnesInside() {
        assertThat(new SourceText("a\n\nb\n", List.of(1, 2, 3)).lines()).containsExactly("a", "", "b");
        assertThat(new SourceText("\n", List.of(1)).lines()).containsExactly("");
        assertThat(new SourceText("", List.of(1)).lines()).isEmpty();
    }

    @Test
    void fileLineIsClampedIntoRange() {
        SourceText text = new SourceText("a\nb\nc", List.of(10, 11, 12));
        assertThat(text.fileLine(1)).isEqualTo(10);
        assertThat(text.fileLine(3)).isEqualTo(12);
        assertThat(text.fileLine(0)).isEqualTo(10);
        assertThat(text.fileLine(99)).isEqualTo(12);
        assertThat(SourceText.empty(7).fileLine(1)).isEqualTo(7);
    }
}

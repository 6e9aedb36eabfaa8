package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BraceDepthTest {
    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    @Test
    void sixtyUnclosedBracesFailFastInsteadOfParsingForYears() {
        // found by PythonFrontEndFuzzTest: the parser backtracks through dict and set at every brace
        String source = "import pandas as pd\nx: list[int] =" + "{".repeat(60) + "(\"data/sales.csv\")\n";
        ParsedCell parsed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> frontEnd.parse(source));
        assertThat(parsed).isEqualTo(new ParsedCell.Failed(new SyntaxError(
            "braces nested more than 16 levels deep, nb2prod's limit (see docs/limits.md)", 2, 31)));
    }

    @Test
    void sixteenLevelsStillParse() {
        String dicts = "x = " + "{1: ".repeat(16) + "2" + "}".repeat(16) + "\n";
        assertThat(frontEnd.parse(dicts)).isInstanceOf(ParsedCell.Parsed.class);
        assertThat(frontEnd.parse(dicts.replace("x = {1: ", "x = {0: {1: ").replace("2}", "2}}")))
            .isInstanceOf(ParsedCell.Failed.class);
    }

    @Test
    void bracesInStringsCommentsShellEscapesAndMagicsDoNotCount() {
        String braces = "{".repeat(40);
        assertThat(BracketDepth.beyond("s = '" + braces + "'\nt = \"\"\"\n" + braces + "\\\"\"\"\" + '\\'{'\n", 1_000, 16)).isNull();
        assertThat(BracketDepth.beyond("x = 1  # " + braces + "\n!echo " + braces + "\n  %time " + braces + "\n", 1_000, 16)).isNull();
        assertThat(BracketDepth.beyond("%%bash\necho " + braces + "\n", 1_000, 16)).isNull();
        assertThat(BracketDepth.beyond("x = 1 != 2\ny = " + braces, 1_000, 16)).isEqualTo(new BracketDepth.Position(2, 20, true));
        assertThat(BracketDepth.beyond("s = 'unterminated\n" + braces, 1_000, 16)).isEqualTo(new BracketDepth.Position(2, 16, true));
    }
}

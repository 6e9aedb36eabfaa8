package dev.nb2prod.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BraceNestingTest {
    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    @Test
    void sixtyUnclosedBracesFailFastInsteadOfParsingForYears() {
        // found by PythonFrontEndFuzzTest: the parser backtracks through dict and set at every brace
        String source = "import pandas as pd\nx: list[int] =" + "{".repeat(60) + "(\"data/sales.csv\")\n";
        ParsedCell parsed = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> frontEnd.parse(source));
        assertThat(parsed).isEqualTo(new ParsedCell.Failed(new SyntaxError(
            "braces nested more than 16 levels deep: too complex to parse", 2, 31)));
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
        assertThat(BraceNesting.check("s = '" + braces + "'\nt = \"\"\"\n" + braces + "\\\"\"\"\" + '\\'{'\n")).isEmpty();
        assertThat(BraceNesting.check("x = 1  # " + braces + "\n!echo " + braces + "\n  %time " + braces + "\n")).isEmpty();
        assertThat(BraceNesting.check("%%bash\necho " + braces + "\n")).isEmpty();
        assertThat(BraceNesting.check("x = 1 != 2\ny = " + braces)).contains(new BraceNesting.TooDeep(2, 20));
        assertThat(BraceNesting.check("s = 'unterminated\n" + braces)).contains(new BraceNesting.TooDeep(2, 16));
    }
}

package dev.nb2prod.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.RuleOptions;
import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MegaCellRuleTest {
    private final MegaCellRule rule = new MegaCellRule();

    private static String lines(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("x").append(i).append(" = ").append(i).append("\n\n# comment\n");
        }
        return b.toString();
    }

    @Test
    void reportsCellOverLineLimitWithCounts() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "a = 1", lines(51))))
            .containsExactly("1:1:1 NB601 cell has 51 lines of code and 51 statements (limits 50 and 40): split it "
                + "into steps that each do one thing");
    }

    @Test
    void blankAndCommentLinesDoNotCountAndSmallCellsPass() {
        assertThat(RuleTester.run(rule, lines(40))).isEmpty();
    }

    @Test
    void countsNestedStatements() {
        StringBuilder b = new StringBuilder("for i in range(3):\n");
        for (int i = 0; i < 41; i++) {
            b.append("    y = i; z = i\n".replace("y", "y" + i));
        }
        assertThat(RuleTester.describe(RuleTester.run(rule, b.toString())))
            .singleElement().asString().contains("42 lines of code and 82 statements");
    }

    @Test
    void cellsOfOnlyDefinitionsAndForeignCellMagicsAreModuleCode() {
        String function = "import numpy as np\ndef f(x):\n" + lines(60).replaceAll("(?m)^(?=.)", "    ") + "    return x\n";
        String writefile = "%%writefile module.py\n" + lines(60);
        assertThat(RuleTester.run(rule, function, writefile)).isEmpty();
    }

    @Test
    void definitionsImportsAndMagicLinesAreNotCountedInAMixedCell() {
        String function = "def f(x):\n" + lines(60).replaceAll("(?m)^(?=.)", "    ") + "    return x\n";
        String helpers = "%matplotlib inline\nimport numpy as np\n" + function + "K = np.linalg\n";
        assertThat(RuleTester.run(rule, helpers)).isEmpty();
        assertThat(RuleTester.describe(RuleTester.run(rule, function + lines(45))))
            .singleElement().asString().contains("45 lines of code and 45 statements");
    }

    @Test
    void limitsAreOptions() {
        RuleOptions options = new RuleOptions(Map.of("NB601", Map.of("max-lines", 3, "max-statements", 100)));
        assertThat(RuleTester.run(rule, TestNotebooks.code("a = 1\nb = 2\nc = 3\nd = 4"), options)).hasSize(1);
        assertThat(RuleTester.run(rule, TestNotebooks.code("a = 1\nb = 2\nc = 3"), options)).isEmpty();
    }
}

package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import org.junit.jupiter.api.Test;

class NeverExecutedRuleTest {
    private final NeverExecutedRule rule = new NeverExecutedRule();

    @Test
    void cellWithoutCountAmongExecutedCells() {
        var notebook = TestNotebooks.builder().code("a = 1", 1).code("a = a + 1", null).code("print(a)", 2).build();
        assertThat(RuleTester.describe(RuleTester.run(rule, notebook)))
            .containsExactly("1:1:1 NB104 cell never ran although 2 other cells did: the saved results do not "
                + "include it (dead or untested code?)");
    }

    @Test
    void clearedNotebooksBlankAndCommentOnlyCellsAreNotFindings() {
        var cleared = TestNotebooks.builder().code("a = 1", null).code("b = 2", null).build();
        assertThat(RuleTester.run(rule, cleared)).isEmpty();
        var notebook = TestNotebooks.builder().code("a = 1", 1).code("", null).code("# later", null).build();
        assertThat(RuleTester.run(rule, notebook)).isEmpty();
    }
}

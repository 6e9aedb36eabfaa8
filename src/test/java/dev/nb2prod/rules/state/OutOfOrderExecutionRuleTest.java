package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import org.junit.jupiter.api.Test;

class OutOfOrderExecutionRuleTest {
    private final OutOfOrderExecutionRule rule = new OutOfOrderExecutionRule();

    @Test
    void cellRunBeforeACellAboveIt() {
        var notebook = TestNotebooks.builder().code("a = 1", 1).markdown("# t").code("b = 2", 10).code("c = 3", 8)
            .build();
        assertThat(RuleTester.describe(RuleTester.run(rule, notebook)))
            .containsExactly("3:1:1 NB103 cell ran [8] before cell 3 above it [10]: the saved results come from a "
                + "different order than top to bottom");
    }

    @Test
    void increasingCountsWithGapsAndNeverRunCellsAreInOrder() {
        var notebook = TestNotebooks.builder().code("a = 1", 1).code("b = 2", null).code("c = 3", 7).build();
        assertThat(RuleTester.run(rule, notebook)).isEmpty();
    }
}

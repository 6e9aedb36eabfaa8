package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class HiddenDependencyRuleTest {
    private final HiddenDependencyRule rule = new HiddenDependencyRule();

    @Test
    void readBeforeTheOnlyDefinitionBelow() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "import pandas as pd", "df = df[df.x > 0]",
            "df = pd.read_csv('a.csv')")))
            .containsExactly("1:1:6 NB102 'df' is read here but only defined further down, in cell 3: running top to "
                + "bottom fails with NameError");
    }

    @Test
    void readOnlyInsideAFunctionBodyIsDeferred() {
        assertThat(RuleTester.run(rule, "def score():\n    return model.score(X, y)", "model = fit()\nscore()")).isEmpty();
    }

    @Test
    void functionBodyAndModuleLevelReadReportsTheModuleLevelOne() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "def f():\n    return cfg\nprint(cfg)", "cfg = 1")))
            .containsExactly("0:3:7 NB102 'cfg' is read here but only defined further down, in cell 2: running top "
                + "to bottom fails with NameError");
    }

    @Test
    void definedAboveOrSparkKernelNamesAreFine() {
        assertThat(RuleTester.run(rule, "x = 1", "y = x + 1", "x = 2")).isEmpty();
        assertThat(RuleTester.run(rule, "rdd = sc.textFile('f')", "sc = SparkContext()")).isEmpty();
    }
}

package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class UndefinedNameRuleTest {
    private final UndefinedNameRule rule = new UndefinedNameRule();

    @Test
    void nameNoCellDefines() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "import pandas as pd", "model.fit(X_train)")))
            .containsExactly(
                "1:1:1 NB108 'model' is not defined by any cell: running the notebook fails with NameError",
                "1:1:11 NB108 'X_train' is not defined by any cell: running the notebook fails with NameError");
    }

    @Test
    void controlCharactersOfANameAreEscapedInTheMessage() {
        // found by RulesFuzzTest: the parser takes U+009C for a name, which went into the message raw
        assertThat(RuleTester.describe(RuleTester.run(rule, "x = 1", "\u009c\n")))
            .containsExactly("1:1:1 NB108 '\\u009c' is not defined by any cell: running the notebook fails with NameError");
    }

    @Test
    void builtinsIPythonNamesAndHiddenDependenciesAreNotUndefined() {
        assertThat(RuleTester.run(rule, "print(len(In), _, display)", "y = x", "x = 1")).isEmpty();
    }

    @Test
    void starImportsAndDynamicBindingExplainNames() {
        assertThat(RuleTester.run(rule, "from pylab import *", "plot(arange(3))")).isEmpty();
        assertThat(RuleTester.run(rule, "%run setup.py", "print(config)")).isEmpty();
        assertThat(RuleTester.run(rule, "%pylab inline", "plot(linspace(0, 1))")).isEmpty();
        assertThat(RuleTester.run(rule, "globals()['k'] = 1", "print(k)")).isEmpty();
    }

    @Test
    void globalsAssignedByFunctionsAndNamesInUnparsableCellsAreNotReported() {
        assertThat(RuleTester.run(rule, "def init():\n    global model\n    model = 1", "init()\nprint(model)"))
            .isEmpty();
        assertThat(RuleTester.run(rule, "print 'x'\ncounts = {}", "counts['a'] = 1")).isEmpty();
    }

    @Test
    void sparkKernelNames() {
        assertThat(RuleTester.run(rule, "df = spark.read.csv('x')")).isEmpty();
    }
}

package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class FunctionUsesGlobalsRuleTest {
    private final FunctionUsesGlobalsRule rule = new FunctionUsesGlobalsRule();

    @Test
    void readsAssignsAndChangesGlobals() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()\nresults = []\ncount = 0",
            "def step(n):\n    global count\n    count += 1\n    results.append(df.head(n))")))
            .containsExactly("1:1:1 NB106 function step() reads global df and assigns global count and changes "
                + "global results in place instead of taking parameters and returning results");
    }

    @Test
    void modulesFunctionsClassesConstantsAndLiteralsAreFine() {
        assertThat(RuleTester.run(rule,
            "import numpy as np\nTHRESHOLD = compute()\nlabels = ['a', 'b']\nrate = 0.5\nt0, t1 = 5, 50\nExample = tf.train.Example\n"
                + "import tensorflow as tf",
            "class Model:\n    pass",
            "def helper(x):\n    return x",
            "def f(x):\n    return np.log(helper(x)) * rate + THRESHOLD + len(labels) + Model() + Example() + t0 / t1")).isEmpty();
    }

    @Test
    void literalThatIsChangedSomewhereIsState() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "seen = []", "seen.append(1)", "def f():\n    return seen")))
            .containsExactly("2:1:1 NB106 function f() reads global seen instead of taking parameters and returning results");
    }

    @Test
    void reportsTheDefLineOnly() {
        assertThat(RuleTester.run(rule, "df = load()", "x = 1\nasync def fetch():\n    return df").get(0).line())
            .isEqualTo(2);
    }
}

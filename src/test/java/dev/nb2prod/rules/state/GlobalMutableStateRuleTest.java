package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.RuleOptions;
import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalMutableStateRuleTest {
    private final GlobalMutableStateRule rule = new GlobalMutableStateRule();

    @Test
    void nameChangedByThreeCellsIsReportedOnceAtItsFirstChange() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()", "x = 1\ndf = df.dropna()",
            "df['m'] = df.a - df.b", "rows.append(df)\ndf.drop(columns=['m'], inplace=True)")))
            .containsExactly("1:2:1 NB101 'df' is defined in cell 1 and then changed by 3 other cells (2, 3, 4): its "
                + "value depends on which of them ran and how often; give each step its own name or function");
    }

    @Test
    void belowTheThresholdOrFreshRebindingsAreNotState() {
        assertThat(RuleTester.run(rule, "df = load()", "df = df.dropna()")).isEmpty();
        assertThat(RuleTester.run(rule, "fig, ax = plt.subplots()\nax.plot(x)", "fig, ax = plt.subplots()",
            "fig, ax = plt.subplots()")).isEmpty();
        assertThat(RuleTester.run(rule, "df = load()", "df = df.dropna()", "df = load2()", "df = df.dropna()"))
            .isEmpty();
    }

    @Test
    void importsFunctionsAndTrainingAreNotState() {
        assertThat(RuleTester.run(rule, "import numpy as np", "np.x = 1", "np.y = 2")).isEmpty();
        assertThat(RuleTester.run(rule, "model = Sequential()", "model.compile(loss='mse')", "model.fit(X, y)"))
            .isEmpty();
    }

    @Test
    void minCellsOption() {
        RuleOptions options = new RuleOptions(Map.of("NB101", Map.of("min-cells", 2)));
        assertThat(RuleTester.run(rule, TestNotebooks.code("df = load()", "df = df.dropna()"), options)).hasSize(1);
    }
}

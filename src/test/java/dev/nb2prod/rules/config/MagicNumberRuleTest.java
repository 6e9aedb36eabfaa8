package dev.nb2prod.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.RuleOptions;
import dev.nb2prod.testing.RuleTester;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagicNumberRuleTest {
    private final MagicNumberRule rule = new MagicNumberRule();

    private List<String> run(String... cells) {
        return RuleTester.describe(RuleTester.run(rule, cells));
    }

    @Test
    void reportsThresholdsInComparisonsWithAKeyHint() {
        assertThat(run("big = df[df.revenue > 1000]", "if score >= 0.75:\n    ok = True", "small = df[df['Unit Price'] < 3.5]"))
            .containsExactly(
                "0:1:23 NB201 magic number 1000 in a comparison with revenue: move it to configuration (e.g. min_revenue)",
                "1:1:13 NB201 magic number 0.75 in a comparison with score: move it to configuration (e.g. min_score)",
                "2:1:31 NB201 magic number 3.5 in a comparison with unit_price: move it to configuration (e.g. max_unit_price)");
    }

    @Test
    void numberOnTheLeftFlipsTheHint() {
        assertThat(run("keep = 18 <= people.age")).containsExactly(
            "0:1:8 NB201 magic number 18 in a comparison with age: move it to configuration (e.g. min_age)");
    }

    @Test
    void reportsHyperParameterKeywords() {
        assertThat(run("X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=42)\n"
            + "m = RandomForestClassifier(n_estimators=200, max_depth=6, n_jobs=-1)\n"
            + "r = Ridge(alpha=0.5)\nclf = SVC(C=10)"))
            .containsExactly(
                "0:1:59 NB201 magic number 0.25 passed as test_size=: move it to configuration (e.g. test_size)",
                "0:2:41 NB201 magic number 200 passed as n_estimators=: move it to configuration (e.g. n_estimators)",
                "0:2:56 NB201 magic number 6 passed as max_depth=: move it to configuration (e.g. max_depth)",
                "0:3:17 NB201 magic number 0.5 passed as alpha=: move it to configuration (e.g. alpha)",
                "0:4:13 NB201 magic number 10 passed as C=: move it to configuration (e.g. C)");
    }

    @Test
    void reportsSliceBoundsOfNamedSubsets() {
        assertThat(run("train = df.iloc[:5000]\nvalid, test = x[10:250], x[250:]"))
            .containsExactly(
                "0:1:18 NB201 magic number 5000 as a slice end of df: move it to configuration (e.g. df_end)",
                "0:2:17 NB201 magic number 10 as a slice start of x: move it to configuration (e.g. x_start)",
                "0:2:20 NB201 magic number 250 as a slice end of x: move it to configuration (e.g. x_end)",
                "0:2:28 NB201 magic number 250 as a slice start of x: move it to configuration (e.g. x_start)");
    }

    @Test
    void reportsQueryThresholdsOncePerString() {
        assertThat(run("r = df.query('A < 0.5 and B > 7')")).containsExactly(
            "0:1:14 NB201 magic numbers 0.5, 7 in the query \"A < 0.5 and B > 7\": move them to configuration (e.g. max_a)");
    }

    @Test
    void allowListComparesNumerically() {
        assertThat(run("a = df[df.x > 1.0]\nb = df[df.x > 0]\nc = df[df.x >= -1]\nd = df[df.pct < 100.0]\ne = df[df.y > 2]"))
            .isEmpty();
    }

    @Test
    void allowListIsAnOption() {
        var options = new RuleOptions(Map.of("NB201", Map.of("allow", List.of(0, 1000))));
        var findings = RuleTester.run(rule, TestNotebooks.code("big = df[df.revenue > 1000]\nsmall = df[df.revenue < 1]"), options);
        assertThat(RuleTester.describe(findings)).containsExactly(
            "0:2:25 NB201 magic number 1 in a comparison with revenue: move it to configuration (e.g. max_revenue)");
    }

    @Test
    void ignoresLookAlikes() {
        assertThat(run(
            "version = '1.2.3'\nfirst = x[0]\nlast = x[-1]\ncol = x[:, 1]\ntotal = df.sum(axis=1)",
            "m = RandomForestClassifier(random_state=42, verbose=3, n_jobs=4)",
            "fig, ax = plt.subplots(figsize=(10, 6))\nplt.hist(x, bins=50, alpha=0.5, linewidth=2)\nax.plot(x, y, alpha=0.3)\n"
                + "sns.histplot(df, bins=30)\ndf.plot(kind='bar', figsize=(12, 4), fontsize=14)",
            "for i in range(10, 250):\n    pass\nprint(round(acc, 3), f'{x:.4f}', 'n = {}'.format(5000))\ndf.head(10)\ndf.tail(20)\n"
                + "df.sample(500)",
            "assert len(df) > 1000\nif i % 10 == 0:\n    pass\nif sys.version_info >= (3, 5):\n    pass\nif x.ndim > 3:\n    pass",
            "df[df.revenue > 1000]\n(df.age > 80).sum()\nx < 3",
            "colors = dict(lw=0.5, alpha=0.5)\nis_three = df.pclass == 3\nsame = x != 7",
            "ds.cmap = fire[40:]\ns = df.name.str[:50]\nx[5:8] = 12"))
            .isEmpty();
    }

    @Test
    void suppressionWorks() {
        assertThat(run("big = df[df.revenue > 1000]  # nb2prod: ignore[NB201]")).isEmpty();
    }

    @Test
    void payloadsCarryTheSuggestedKeyAndTheKeyword() {
        var findings = RuleTester.run(rule, "big = df[df.revenue > 1000]",
            "m = RandomForestClassifier(n_estimators=200)", "train = df.iloc[:5000]", "r = df.query('A < 0.5 and B > 7')");
        assertThat(findings).extracting(Finding::payload).containsExactly(
            new Payload.Setting("min_revenue", ""),
            new Payload.Setting("n_estimators", "n_estimators"),
            new Payload.Setting("df_end", ""),
            new Payload.Setting("max_a", ""));
    }
}

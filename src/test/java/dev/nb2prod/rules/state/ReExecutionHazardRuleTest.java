package dev.nb2prod.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Severity;
import dev.nb2prod.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReExecutionHazardRuleTest {
    private final ReExecutionHazardRule rule = new ReExecutionHazardRule();

    @Test
    void rebindingFromItsOwnValue() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()\nx = 0", "df = df.iloc[1:]\nx += 1")))
            .containsExactly(
                "1:1:1 NB105 df = ... rebinds the df of an earlier cell from its own value: running this cell twice "
                    + "applies the change twice; give the result a new name",
                "1:2:1 NB105 x += ... changes the x of an earlier cell: running this cell twice gives a different x");
    }

    @Test
    void rowFiltersThatTestEachRowOnTheirOwnAreIdempotent() {
        assertThat(RuleTester.run(rule, "fec = load()\ndf = load()\ns = load()",
            "fec = fec[fec[\"amt\"] > 0]",
            "df = df[df.x > 0]",
            "df = df[df[\"state\"].isin([\"CA\", \"NY\"])]",
            "df = df[df.name.notna()]",
            "df = df.loc[(df.x > 0) & ~df.y.isna()]",
            "df = df[df['d'].dt.year >= 2010].reset_index(drop=True)",
            "df = df[(df.a != df.b) | (df['name'].str.contains('x', na=False))]",
            "df = df[df.amount.between(LOW, HIGH)]",
            "s = s[s > 0]",
            "df = df[df.when > pd.Timestamp('2020-01-01')]",
            "df = df[~df.duplicated()]"))
            .isEmpty();
    }

    @Test
    void fixedColumnSelectionsFillsReindexingAndReshapesAreIdempotent() {
        assertThat(RuleTester.run(rule, "df = load()\nx = load()\nidx = make()",
            "df = df[['a', 'b']]",
            "df = df.loc[:, ['a', 'b']]",
            "df = df.ix[:, ['Date', 'cap']]",
            "df = df.loc[:, 2:5]",
            "df['p'] = df['p'].ffill()",
            "df = df.bfill()",
            "df = df.reindex(idx)",
            "df = df.asfreq('D', method='pad')",
            "x = x.reshape(-1, 1)",
            "x = np.reshape(x, newshape=(-1, 28 * 28))"))
            .isEmpty();
    }

    @Test
    void aChangeAfterAnIdempotentRebindingStillChangesTheEarlierValue() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "cars = load()",
            "cars = cars[['date', 'cap']]\n\ncars['cap'] = cars['cap'] / 1e9",
            "cars = load()\ncars['cap'] = cars['cap'] / 1e9")))
            .containsExactly("1:3:1 NB105 cars['cap'] = ... overwrites cars['cap'] from its own value: running this "
                + "cell twice applies the change twice");
    }

    @Test
    void positionalColumnSelectionsAndShapesReadFromTheValueAreReported() {
        assertThat(RuleTester.run(rule, "df = load()\nx = load()",
            "df = df.iloc[:, 1:]",
            "x = x[[0, 2]]",
            "df = df.ix[:, 1:3]",
            "df = df.reindex(df.index[1:])",
            "x = x.reshape(x.shape[1], -1)",
            "df = df.loc[1:, ['a']]"))
            .hasSize(6);
    }

    @Test
    void rowFiltersByTheFramesOwnAggregatesOrPositionsAreReported() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()",
            "df = df[df.x > df.x.mean()]",
            "df = df[df.x < df.x.quantile(0.99)]",
            "df = df.sample(frac=0.5)",
            "df = df.iloc[1:]",
            "df = df[:-1]",
            "df = df[df.x > df.x.iloc[0]]",
            "df = df[np.random.rand(100) < 0.8]",
            "df = df[df.groupby('k').x.transform('size') > 5]",
            "df = df[df.x > 0]['y']")))
            .hasSize(9)
            .allMatch(line -> line.contains("NB105 df = ... rebinds the df"));
    }

    @Test
    void selectionsLikeTheIdempotentOnesThatChangeAgainAreReported() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "df = load()\nd = {}\nmask = df.x > 0\nkeep = df.index[:10]\nkeep = keep[::2]\npos = df.index",
            "df = df.loc[df.x > df.x.mean(), ['a']]",
            "df = df.loc[df.x > 0, df.columns[1:]]",
            "df = df.loc[mask]",
            "df = df.loc[keep]",
            "d['a'] = 1\ndel d['b']",
            "d['a'] = 1\nd.pop('b')",
            "pos += 1\ndf = df.loc[pos]",
            "df = df.filter(lambda x: np.random.rand() < 0.5)",
            "df = df.reshape(df.shape[1], -1)",
            "df = df.reshape(len(df) // 2, -1)")))
            .hasSize(11);
    }

    @Test
    void inPlaceChanges() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()\nrows = []\nd = {}",
            "df['a'] = df['a'] * 2", "rows.append(1)", "df.drop(columns=['a'], inplace=True)", "del d['k']")))
            .containsExactly(
                "1:1:1 NB105 df['a'] = ... overwrites df['a'] from its own value: running this cell twice applies the change twice",
                "2:1:1 NB105 rows.append(...) changes the rows of an earlier cell in place: running this cell twice does it twice",
                "3:1:1 NB105 df.drop(..., inplace=True) changes the df of an earlier cell in place: running this cell "
                    + "twice fails or differs",
                "4:1:1 NB105 del d['k'] removes part of the d of an earlier cell: running this cell twice fails");
    }

    @Test
    void transformationsThatGiveTheSameResultTwiceAreFine() {
        assertThat(RuleTester.run(rule, "df = load()\narr = [1, 2]\nnames = ['b', 'a']",
            "df = df.rename(columns={'a': 'b'})",
            "df = df.replace({'?': np.nan, -1: np.nan})",
            "df['zip'] = df['zip'].str.slice(0, 5)",
            "df['d'] = pd.to_datetime(df['d'])",
            "df['n'] = pd.to_numeric(df['n'], errors='coerce')",
            "arr = np.array(arr)",
            "df['name'] = df['name'].str.strip().str.lower()",
            "df = df.dropna().drop_duplicates().reset_index(drop=True)",
            "df['a'] = df['a'].astype(float)",
            "names = sorted(names)",
            "df = df.sort_values('a')",
            "df['c'] = df['c'].replace(-1, 0)"))
            .isEmpty();
    }

    @Test
    void lookAlikesThatChangeAgainAreStillReported() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "df = load()\nnames = ['a']",
            "df = df.replace({'a': 'b', 'b': 'c'})",
            "df['zip'] = df['zip'].str.slice(1)",
            "df = df.replace('x', 'y', regex=True)",
            "df = df.reset_index()",
            "df['a'] = df['a'].astype(float) * 2",
            "names = sorted(names + ['z'])")))
            .hasSize(6);
    }

    @Test
    void idempotentOrSelfContainedCellsAreFine() {
        assertThat(RuleTester.run(rule, "df = load()",
            "df['b'] = df['a'] * 2",
            "df = load()\ndf = df.dropna()",
            "rows = []\nrows.append(1)",
            "df.rename(columns={'a': 'b'}, inplace=True)",
            "total = 0\nfor v in vals:\n    total += v",
            "def f(acc):\n    acc += 1\n    return acc",
            "%timeit rows.append(1)")).isEmpty();
    }

    @Test
    void unpackingReportsTheStatementOnce() {
        assertThat(RuleTester.run(rule, "a, b = load()", "a, b = shuffle(a, b)")).hasSize(1);
    }

    @Test
    void hazardsByConstructionAreWarnings() {
        List<Finding> findings = RuleTester.run(rule,
            "df = load()\nx = load()\nrows = []\nd = {}\nX, y = load()\nother = load()\ns = load()",
            "x += 1", "x = x / 255", "rows.append(1)", "del d['k']", "df.drop(columns=['a'], inplace=True)",
            "df = df.drop(columns=['a'])", "df = df.iloc[1:]", "x = x[:-1]", "df = df[df.x > df.x.mean()]",
            "df = df.merge(other, on='k')", "df = pd.concat([df, other])", "df = df.sample(frac=1)",
            "X, y = shuffle(X, y)", "df = pd.get_dummies(df, columns=['c'])", "y = to_categorical(y)",
            "df['a'] = df['a'] * 2", "df['a'] = df['a'].iloc[1:]", "s = s.join(other)",
            "df = df.set_index('k')", "other = other.set_index(['a', 'b'])", "s = s['Close']");
        assertThat(findings).hasSize(21).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(RuleTester.describe(findings)).noneMatch(line -> line.contains("check that"));
    }

    @Test
    void rebindingsThatMayBeIdempotentAreInfo() {
        List<Finding> findings = RuleTester.run(rule, "df = load()\nx = load()\ncoef = load()",
            "df = df.apply(clean)", "x = np.log(x)", "coef = pd.Series(coef.squeeze(), index=names)",
            "df = df.drop(columns=['a'], errors='ignore')", "x = x[:100]", "x = (x - x.mean()) / x.std()",
            "df = df.set_index(df.index.date)", "df['a'] = df['a'].map(f)", "df = df.resample('D').mean()",
            "x = x.reshape(x.shape[1], -1)");
        assertThat(findings).hasSize(10).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(RuleTester.describe(findings)).containsSubsequence(
            "1:1:1 NB105 df = ... rebinds the df of an earlier cell from its own value: re-running this cell applies "
                + "the call again to its own result; check that it gives the same result twice or give the result "
                + "a new name",
            "8:1:1 NB105 df['a'] = ... overwrites df['a'] from its own value: re-running this cell applies the call "
                + "again to its own result; check that it gives the same result twice");
    }

    @Test
    void appendingToAFrameAndDeletingFromAnArrayChangeNothing() {
        // DataFrame.append returns a new frame; del of array items raises every time
        assertThat(RuleTester.run(rule, "import numpy as np\nimport pandas as pd\ncity = pd.DataFrame({'a': [1]})\n"
            + "a = np.arange(10)", "city.append(other)", "try:\n    del a[2:5]\nexcept ValueError as e:\n    print(e)"))
            .isEmpty();
        // a list is changed by both
        assertThat(RuleTester.run(rule, "rows = []\nd = {'k': 1}", "rows.append(1)", "del d['k']")).hasSize(2);
        // a name bound to a frame in one cell and to a list in another is not known to be a frame
        assertThat(RuleTester.run(rule, "import pandas as pd\ncity = pd.DataFrame()", "city = []",
            "city.append(1)")).hasSize(1);
    }
}

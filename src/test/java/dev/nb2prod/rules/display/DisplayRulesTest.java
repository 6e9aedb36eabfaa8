package dev.nb2prod.rules.display;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Rule;
import dev.nb2prod.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayRulesTest {
    private static List<String> run(Rule rule, String... cells) {
        return RuleTester.describe(RuleTester.run(rule, cells));
    }

    /** value_counts() is no look at data but a result (a count per category): not reported. */
    @Test
    void displayOnlyStatements() {
        assertThat(run(new DisplayAsValidationRule(),
            "df.head()\ndf.shape\ndf.isnull().sum()\nlen(df)\ndisplay(df)\ndf['a'].value_counts()\ndf",
            "df.info()\nx = 1"))
            .containsExactly(
                "0:1:1 NB501 df.head() only displays a result for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "0:2:1 NB501 df.shape only displays its shape for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "0:3:1 NB501 df.isnull().sum() only displays a count for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "0:4:1 NB501 len(df) only displays a length for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "0:5:1 NB501 display(df) only displays data for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "0:7:1 NB501 df only displays the value for someone to look at: turn the check into an assertion or a logged value, or drop it",
                "1:1:1 NB501 df.info() only displays a result for someone to look at: turn the check into an assertion or a logged value, or drop it");
    }

    @Test
    void notDisplayOnly() {
        assertThat(run(new DisplayAsValidationRule(),
            "\"\"\"Docstring.\"\"\"\nmodel.fit(X, y)\nplt.plot(x)\n%matplotlib inline\ndf\nx = df.head()",
            "def check(df):\n    df.head()\n    return df.shape",
            "for d in frames:\n    d.head()",
            "random.sample(items, 3)\nnp.random.sample(5)\npd.describe_option('display')"))
            .isEmpty();
    }

    @Test
    void printsThatRunWithTheCell() {
        assertThat(run(new PrintForCheckingRule(),
            "print('rows:', len(df))\nfor c in cols:\n    print(c)",
            "print 'python 2', x",
            "def report(x):\n    print(x)\nlog = lambda x: print(x)\nclass A:\n    def f(self):\n        print(1)"))
            .containsExactly(
                "0:1:1 NB502 print('rows:', len(df)) writes to stdout for someone to read: log it (or assert on it) instead",
                "0:3:5 NB502 print(c) writes to stdout for someone to read: log it (or assert on it) instead",
                "1:1:1 NB502 print 'python 2', x writes to stdout for someone to read: log it (or assert on it) instead");
    }

    @Test
    void aFigureSavedBeforeItIsShownIsNotReported() {
        assertThat(run(new PltShowRule(),
            "def save_fig(name):\n    plt.tight_layout()\n    plt.savefig(name + '.png')",
            "def plot_and_save(x):\n    plt.plot(x)\n    save_fig('x')",
            "plt.plot(x)\nsave_fig('loss')\nplt.show()",
            "plot_and_save(y)\nplt.show()",
            "plt.plot(x)\nplt.savefig('a.png')\nplt.show()",
            "fig = px.line(df)\nfig.write_image('a.png')\nfig.show()",
            "def draw(x):\n    plt.plot(x)\n    plt.savefig('d.png')\n    plt.show()"))
            .isEmpty();
        // saved after it is shown (an empty file), or saved by a function the cell only defines: still shown only
        assertThat(run(new PltShowRule(),
            "plt.plot(x)\nplt.show()\nplt.savefig('a.png')",
            "def save(n):\n    plt.savefig(n)\nplt.plot(x)\nplt.show()"))
            .hasSize(2);
    }

    @Test
    void showCalls() {
        assertThat(run(new PltShowRule(),
            "plt.plot(x)\nplt.show()", "fig = px.line(df)\nfig.show()", "import matplotlib\nmatplotlib.pyplot.show()",
            "df.show()\nspark_df.show(5)\nshow()\nslides.show()"))
            .containsExactly(
                "0:2:1 NB503 plt.show() displays the figure instead of saving it: save it to a file (savefig, write_image) or return it",
                "1:2:1 NB503 fig.show() displays the figure instead of saving it: save it to a file (savefig, write_image) or return it",
                "2:2:1 NB503 matplotlib.pyplot.show() displays the figure instead of saving it: save it to a file (savefig, write_image) or return it");
    }
}

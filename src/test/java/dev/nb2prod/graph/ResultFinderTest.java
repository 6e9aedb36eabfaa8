package dev.nb2prod.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The results of a notebook: what it displays, draws, fits, computes and writes. */
class ResultFinderTest {
    private static final String LOAD = "import pandas as pd\nimport matplotlib.pyplot as plt\ndf = pd.read_csv('a.csv')";

    private static List<String> results(Notebook notebook) {
        return TestNotebooks.graph(notebook).results().stream().map(r -> r.cell() + ": " + r.describe()).toList();
    }

    @Test
    void savedOutputsAreTheEvidenceOfWhatACellDisplays() {
        Notebook nb = TestNotebooks.builder().code(LOAD)
            .codeWithOutputs("df.groupby('m').x.mean()", TestNotebooks.result("m\\na 1.0", null))
            .codeWithOutputs("df.x.sum()")                                  // ran, no execute_result: None
            .codeWithOutputs("df.head()", TestNotebooks.result("a b", null))    // a peek
            .codeWithOutputs("plt.plot(df.x)", TestNotebooks.result("[<matplotlib.lines.Line2D at 0x1>]", null),
                TestNotebooks.image())
            .build();
        assertThat(results(nb)).containsExactly("1: df.groupby('m').x.mean() (displayed)", "4: a figure (drawn)");
    }

    @Test
    void withoutAnySavedOutputTheCodeDecides() {
        Notebook nb = TestNotebooks.code(LOAD, "df.x.value_counts()", "df.shape", "df.plot()\nplt.title('Sales')",
            "df.sort_values('x', inplace=True)", "total = df.x.sum()\ntotal;", "df.to_csv('out.csv')");
        assertThat(results(nb)).containsExactly("1: df.x.value_counts() (displayed)",
            "3: figure 'Sales' (drawn)", "6: out.csv (written)");
    }

    @Test
    void fittedModelsAreTheLastFitAndMetricsAreNamedScores() {
        Notebook nb = TestNotebooks.code(LOAD + "\nfrom sklearn.tree import DecisionTreeClassifier\n"
                + "from sklearn.metrics import accuracy_score\nfrom sklearn.preprocessing import StandardScaler",
            "scaler = StandardScaler()\nX = scaler.fit_transform(df[['x']])\nclf = DecisionTreeClassifier()\n"
                + "clf.fit(X, df.y)",
            "clf.fit(X[:10], df.y[:10])\nacc = accuracy_score(df.y, clf.predict(X))\nr = clf.score(X, df.y)");
        assertThat(results(nb)).containsExactly("2: clf (fitted DecisionTreeClassifier)",
            "2: acc (accuracy_score)", "2: r (score)");
    }

    @Test
    void callingANotebookFunctionThatWritesWritesToo() {
        Notebook nb = TestNotebooks.code(LOAD,
            "def save_fig(name):\n    plt.savefig('images/' + name + '.png')",
            "df.plot()\nsave_fig('sales')");
        assertThat(results(nb)).contains("2: save_fig() (written)");
        assertThat(TestNotebooks.graph(nb).cell(1).essential()).isTrue();
    }

    @Test
    void uninitialisedArraysAreNoResult() {
        Notebook nb = TestNotebooks.builder().code(LOAD + "\nimport numpy as np")
            .codeWithOutputs("np.empty(3)", TestNotebooks.result("array([1., 1., 1.])", null))
            .codeWithOutputs("np.zeros(3)", TestNotebooks.result("array([0., 0., 0.])", null))
            .build();
        assertThat(results(nb)).containsExactly("2: np.zeros(3) (displayed)");
    }

    @Test
    void whatIPythonsShellShowsIsNoResult() {
        Notebook nb = TestNotebooks.builder().code(LOAD)
            .codeWithOutputs("ip = get_ipython()\next = ip.extension_manager\next.loaded",
                TestNotebooks.result("{'autoreload'}", null))
            .codeWithOutputs("get_ipython().user_ns['x']", TestNotebooks.result("1", null))
            .codeWithOutputs("df.amount.sum()", TestNotebooks.result("3", null))
            .build();
        assertThat(results(nb)).containsExactly("3: df.amount.sum() (displayed)");
    }
}

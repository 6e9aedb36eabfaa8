package dev.nb2prod.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.ast.Span;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Paths that reach I/O calls through variables: {@link IoAccess#origin()} and the target it gives. */
class PathOriginsTest {
    /** Every I/O access of the notebook as {@code cell:call target <- variable@cell:line:col}. */
    private static List<String> accesses(String... cells) {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(cells));
        return graph.cells().stream().flatMap(c -> Stream.concat(c.inputs().stream(), c.outputs().stream())
            .map(a -> c.index() + ":" + a.direction().name().toLowerCase(java.util.Locale.ROOT) + " " + a.call() + " '"
                + a.target() + "'" + a.origin().map(o -> " <- " + o.variable() + "@" + o.cell() + ":"
                    + o.literal().startLine() + ":" + o.literal().startCol()).orElse("")))
            .toList();
    }

    @Test
    void aVariableAssignedAboveInTheSameCell() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "import pandas as pd\npath = 'data/x.data'\ndf = pd.read_csv(path, header=None)"));
        IoAccess access = graph.cell(0).inputs().get(0);
        assertThat(access.target()).isEqualTo("data/x.data");
        assertThat(access.origin()).contains(new IoAccess.Origin("path", 0, new Span(2, 7, 2, 20)));
    }

    @Test
    void aVariableOfAnEarlierCellThroughTheDefUseEdge() {
        assertThat(accesses("DATA = 'data/x.csv'", "import pandas as pd", "df = pd.read_csv(DATA)"))
            .containsExactly("2:input pd.read_csv 'data/x.csv' <- DATA@0:1:7");
    }

    @Test
    void theMostRecentDefinitionAboveWins() {
        assertThat(accesses("p = 'a.csv'", "p = 'b.csv'", "df = pd.read_csv(p)"))
            .containsExactly("2:input pd.read_csv 'b.csv' <- p@1:1:4");
        assertThat(accesses("p = 'a.csv'\ndf = pd.read_csv(p)\np = 'b.csv'", "df2 = pd.read_csv(p)"))
            .containsExactly("0:input pd.read_csv 'a.csv' <- p@0:1:4", "1:input pd.read_csv 'b.csv' <- p@0:3:4");
    }

    @Test
    void aComputedValueStopsTheSearch() {
        assertThat(accesses("p = 'a.csv'\np = os.path.join(base, p)\ndf = pd.read_csv(p)")).containsExactly(
            "0:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "p += '.bak'", "df = pd.read_csv(p)")).containsExactly(
            "2:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "x = 1", "p.append('b.csv')", "df = pd.read_csv(p)")).containsExactly(
            "3:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "p.append('b.csv')", "p = 'c.csv'", "df = pd.read_csv(p)")).containsExactly(
            "3:input pd.read_csv 'c.csv' <- p@2:1:4");
        assertThat(accesses("p = f'data/{day}.csv'\ndf = pd.read_csv(p)", "q = b'raw.bin'\nx = np.load(q)"))
            .containsExactly("0:input pd.read_csv ''", "1:input np.load ''");
    }

    @Test
    void aValueTheReadReplacesIsNotItsOrigin() {
        assertThat(accesses("p = 'a.csv'", "p = pd.read_csv(p)")).containsExactly(
            "1:input pd.read_csv 'a.csv' <- p@0:1:4");
    }

    @Test
    void conditionalBindingsAreNotFollowedOutOfTheirBlock() {
        assertThat(accesses("if fast:\n    p = 'a.csv'\nelse:\n    p = 'b.csv'\ndf = pd.read_csv(p)"))
            .containsExactly("0:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'\nif fast:\n    p = 'b.csv'", "df = pd.read_csv(p)"))
            .containsExactly("1:input pd.read_csv ''");
        assertThat(accesses("if fast:\n    p = 'a.csv'\n    df = pd.read_csv(p)"))
            .containsExactly("0:input pd.read_csv 'a.csv' <- p@0:2:8");
        assertThat(accesses("try:\n    p = 'a.csv'\nexcept OSError:\n    pass\ndf = pd.read_csv(p)"))
            .containsExactly("0:input pd.read_csv ''");
    }

    @Test
    void loopAndComprehensionVariablesAreNotTheModuleLevelName() {
        assertThat(accesses("p = 'a.csv'\nfor p in files:\n    df = pd.read_csv(p)")).containsExactly(
            "0:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'\ndfs = [pd.read_csv(p) for p in files]")).containsExactly(
            "0:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'\nfor f in files:\n    df = pd.read_csv(p)")).containsExactly(
            "0:input pd.read_csv 'a.csv' <- p@0:1:4");
    }

    @Test
    void functionsResolveGlobalsBoundOnceInTheWholeNotebook() {
        assertThat(accesses("DATA = 'data/x.csv'", "def load():\n    return pd.read_csv(DATA)"))
            .containsExactly("1:input pd.read_csv 'data/x.csv' <- DATA@0:1:7");
        assertThat(accesses("DATA = 'data/x.csv'", "def load():\n    return pd.read_csv(DATA)", "DATA = 'other.csv'"))
            .containsExactly("1:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "def load(p):\n    return pd.read_csv(p)", "f = lambda p: pd.read_csv(p)"))
            .containsExactly("1:input pd.read_csv ''", "2:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "def load():\n    p = other()\n    return pd.read_csv(p)"))
            .containsExactly("1:input pd.read_csv ''");
        assertThat(accesses("p = 'a.csv'", "class Loader:\n    def load(self):\n        return pd.read_csv(p)"))
            .containsExactly("1:input pd.read_csv ''");
    }

    @Test
    void aNameDefinedOnlyBelowIsAHiddenDependencyNotAnOrigin() {
        assertThat(accesses("df = pd.read_csv(p)", "p = 'a.csv'")).containsExactly("0:input pd.read_csv ''");
    }

    @Test
    void outputsAndTheOtherCallsOfTheCatalogue() {
        assertThat(accesses(
            "out_path = 'out/r.csv'\ndf.to_csv(out_path, index=False)",
            "fig_path = 'figs/a.png'\nplt.savefig(fig_path)",
            "txt = 'data/m.txt'\nm = np.loadtxt(txt)",
            "log = 'run.log'\nwith open(log, 'w') as f:\n    f.write('x')",
            "model_path = 'model.pkl'\njoblib.dump(model, model_path)",
            "src = 'data/a.csv'\nx = pd.read_csv(filepath_or_buffer=src)"))
            .containsExactly(
                "0:output df.to_csv 'out/r.csv' <- out_path@0:1:11",
                "1:output plt.savefig 'figs/a.png' <- fig_path@1:1:11",
                "2:input np.loadtxt 'data/m.txt' <- txt@2:1:6",
                "3:output open 'run.log' <- log@3:1:6",
                "4:output joblib.dump 'model.pkl' <- model_path@4:1:13",
                "5:input pd.read_csv 'data/a.csv' <- src@5:1:6");
    }

    @Test
    void aPathObjectOfALiteral() {
        assertThat(accesses("from pathlib import Path\np = Path('data/x.csv')\ndf = pd.read_csv(p)"))
            .containsExactly("0:input pd.read_csv 'data/x.csv' <- p@0:2:9");
    }

    @Test
    void theDestinationOfWritersThatTakeTheObjectFirstAndThePathOfPathlibMethods() {
        assertThat(accesses("joblib.dump(model, 'm.pkl')", "shutil.copy('a.csv', 'b.csv')",
            "pickle.dump(obj, f)", "Path('a.txt').write_text('hello')", "p = Path('b.txt')\np.write_text(text)",
            "text = Path(p).read_text()"))
            .containsExactly("0:output joblib.dump 'm.pkl'", "1:output shutil.copy 'b.csv'",
                "2:output pickle.dump ''", "3:output ….write_text 'a.txt'", "4:output p.write_text 'b.txt' <- p@4:1:9",
                "5:input ….read_text 'b.txt' <- p@4:1:9");
    }

    @Test
    void aCredentialNamedVariableIsNeverFollowed() {
        assertThat(accesses("db_password = 'Zq8rT2pLx9w'\nconn = sqlite3.connect(db_password)"))
            .containsExactly("0:input sqlite3.connect ''");
    }
}

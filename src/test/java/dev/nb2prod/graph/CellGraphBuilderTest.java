package dev.nb2prod.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.testing.TestNotebooks;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellGraphBuilderTest {
    private static List<String> edges(CellGraph graph) {
        return graph.edges().stream().map(e -> e.from() + "->" + e.to() + " " + e.names()).toList();
    }

    @Test
    void edgeFromTheMostRecentDefinition() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "import pandas as pd", "df = pd.read_csv('a.csv')", "df = df.dropna()", "print(df.shape)"));
        assertThat(edges(graph)).containsExactly("0->1 [pd]", "1->2 [df]", "2->3 [df]");
    }

    @Test
    void mutatingCellsBetweenDefinitionAndUseAreEdgesToo() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "items = []", "items.append(1)", "total = len(items)"));
        assertThat(edges(graph)).containsExactly("0->1 [items]", "0->2 [items]", "1->2 [items]");
    }

    @Test
    void aNameTheCellMutatesAfterDefiningItDependsOnNothingAbove() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code("xs = [0]", "xs = []\nxs.append(1)"));
        assertThat(graph.edges()).isEmpty();
    }

    @Test
    void hiddenDependencyWhenOnlyALaterCellDefinesTheName() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code("print(threshold)", "threshold = 3"));
        assertThat(graph.hiddenDependencies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("threshold");
            assertThat(p.cell()).isZero();
            assertThat(p.definedIn()).containsExactly(1);
            assertThat(p.span().startLine()).isEqualTo(1);
        });
        assertThat(graph.undefined()).isEmpty();
    }

    @Test
    void undefinedUnlessAStarImportCouldExplainIt() {
        assertThat(TestNotebooks.graph(TestNotebooks.code("y = mystery + 1")).undefined())
            .extracting(NameProblem::name).containsExactly("mystery");
        assertThat(TestNotebooks.graph(TestNotebooks.code("from pylab import *", "y = mystery + 1")).undefined()).isEmpty();
    }

    @Test
    void executionOrderFromCounts() {
        Notebook notebook = TestNotebooks.builder()
            .code("a = 1", 1).code("b = 2", 3).code("c = 3", 2).code("d = 4", null).code("e = 5", 7).build();
        ExecutionOrder order = TestNotebooks.graph(notebook).executionOrder();
        assertThat(order.runOrder()).containsExactly(0, 2, 1, 4);
        assertThat(order.neverRun()).containsExactly(3);
        assertThat(order.outOfOrder()).containsExactly(new ExecutionOrder.OutOfOrder(2, 2, 1, 3));
        assertThat(order.gaps()).containsExactly(new ExecutionOrder.Gap(3, 7));
    }

    @Test
    void essentialCellsAreTheBackwardSliceOfTheOutputs() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "import pandas as pd",
            "df = pd.read_csv('in.csv')",
            "df.head()",
            "summary = df.describe()",
            "clean = df.dropna()",
            "clean.to_csv('out.csv')"));
        assertThat(graph.cells()).extracting(CellNode::essential).containsExactly(true, true, false, false, true, true);
        assertThat(graph.cell(1).inputs()).singleElement().satisfies(i -> {
            assertThat(i.call()).isEqualTo("pd.read_csv");
            assertThat(i.target()).isEqualTo("in.csv");
        });
        assertThat(graph.cell(5).outputs()).extracting(IoAccess::target).containsExactly("out.csv");
    }

    @Test
    void essentialCellsAreThoseTheResultsNeedAndPeeksAreNoResults() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "from sklearn.linear_model import LinearRegression", "X = [[1], [2]]\ny = [1, 2]",
            "len(X)", "model = LinearRegression().fit(X, y)", "X"));
        assertThat(graph.terminals()).extracting(Terminal::name).containsExactly("model");
        assertThat(graph.results()).extracting(Result::describe)
            .containsExactly("model (fitted LinearRegression)", "X (displayed)");
        assertThat(graph.cells()).extracting(CellNode::essential).containsExactly(true, true, false, true, true);
    }

    @Test
    void openForWritingIsAnOutputAndForReadingAnInput() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "with open('notes.txt') as f:\n    text = f.read()", "with open('out.txt', 'w') as g:\n    g.write(text)"));
        assertThat(graph.cell(0).inputs()).extracting(IoAccess::target).containsExactly("notes.txt");
        assertThat(graph.cell(1).outputs()).extracting(IoAccess::target).containsExactly("out.txt");
    }

    @Test
    void aCredentialKeywordIsNeverTheTargetOfAnInput() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code(
            "import psycopg2\nconn = psycopg2.connect(password='Zq8!rT2pLx9w', host='db.internal')"));
        assertThat(graph.cell(0).inputs()).extracting(IoAccess::target).containsExactly("db.internal");
    }

    @Test
    void syntaxErrorCellsCarryTheErrorAndNoNames() {
        CellGraph graph = TestNotebooks.graph(TestNotebooks.code("x = (1,", "y = 2"));
        assertThat(graph.cell(0).syntaxError()).isPresent();
        assertThat(graph.cell(0).defines()).isEmpty();
        assertThat(graph.cell(1).defines()).containsExactly("y");
    }
}

package dev.nb2prod.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.testing.Goldens;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The three graph formats on the bundled example, byte for byte (update: -Dnb2prod.updateGoldens=true). */
class GraphRenderersGoldenTest {
    private static final Path EXAMPLE = Path.of("examples/churn_analysis.ipynb");

    private static Notebook notebook() throws Exception {
        return new NotebookReader().read(EXAMPLE);
    }

    private static CellGraph graph(Notebook notebook) {
        return new CellGraphBuilder().build(AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd()));
    }

    @Test
    void json() throws Exception {
        Notebook notebook = notebook();
        String first = new GraphJsonRenderer().render(graph(notebook));
        assertThat(new GraphJsonRenderer().render(graph(notebook()))).isEqualTo(first);
        Goldens.assertMatches("graph/churn_analysis.json", first);
    }

    @Test
    void mermaid() throws Exception {
        Notebook notebook = notebook();
        Goldens.assertMatches("graph/churn_analysis.mmd", new GraphMermaidRenderer().render(graph(notebook), notebook));
    }

    @Test
    void dot() throws Exception {
        Notebook notebook = notebook();
        Goldens.assertMatches("graph/churn_analysis.dot", new GraphDotRenderer().render(graph(notebook), notebook));
    }
}

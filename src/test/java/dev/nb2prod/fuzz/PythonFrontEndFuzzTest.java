package dev.nb2prod.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.graph.Edge;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookMetadata;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.python.BigStack;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.python.SyntaxError;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Span;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The Python front end, the name analysis and the cell graph over arbitrary cell text. The input is UTF-8 text
 * (malformed bytes become U+FFFD); a line {@code #%%} separates cells (at most {@value #MAX_CELLS}). Every cell
 * parses or fails with a syntax error inside the cell; node positions lie inside the cell; parsing and the graph
 * are deterministic; graph edges and name problems point at code cells. Inputs: {@code PythonFrontEndFuzzTestInputs/cells/}.
 */
class PythonFrontEndFuzzTest {
    private static final int MAX_CELLS = 4;

    private final SonarPythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    @FuzzTest
    void cells(byte[] bytes) {
        Notebook notebook = notebook(new String(bytes, StandardCharsets.UTF_8));
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, frontEnd);
        for (CodeCell cell : notebook.codeCells()) {
            String source = cell.source().text();
            ParsedCell parsed = analyzed.parsed(cell.index());
            int lines = (int) Math.max(1, source.lines().count());
            switch (parsed) {
                case ParsedCell.Failed failed -> assertInside(failed.error(), lines);
                case ParsedCell.Parsed ok -> AstWalker.walk(ok.module(), node -> assertInside(node.span(), lines));
            }
            ParsedCell again = frontEnd.parse(source);
            // record equality recurses as deep as the tree: compare on a large stack, as the front end parses
            assertThat(BigStack.call("compare", () -> again.equals(parsed), () -> false))
                .as("parsing the same text again gives the same tree").isTrue();
        }
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        Set<Integer> code = notebook.codeCells().stream().map(Cell::index).collect(Collectors.toSet());
        assertThat(graph.cells()).hasSameSizeAs(notebook.cells());
        for (Edge edge : graph.edges()) {
            assertThat(code).as("edge %s", edge).contains(edge.from(), edge.to());
        }
        for (NameProblem problem : concat(graph.hiddenDependencies(), graph.undefined())) {
            assertThat(code).as("name problem %s", problem).contains(problem.cell());
            assertThat(code).as("name problem %s", problem).containsAll(problem.definedIn());
        }
        assertThat(new CellGraphBuilder().build(analyzed)).as("the graph of the same notebook again").isEqualTo(graph);
    }

    /** One code cell per {@code #%%}-separated part; execution counts in a mixed order, one cell never run. */
    private static Notebook notebook(String text) {
        String[] parts = text.split("\n#%%\n", MAX_CELLS);
        List<Cell> cells = new ArrayList<>();
        int fileLine = 1;
        for (int i = 0; i < parts.length; i++) {
            String source = parts[i];
            int lineCount = (int) source.chars().filter(c -> c == '\n').count() + 1;
            List<Integer> fileLines = IntStream.range(fileLine, fileLine + lineCount).boxed().toList();
            int count = (i * 3 + 2) % (parts.length + 1);
            cells.add(new CodeCell(i, "c" + i, new SourceText(source, fileLines), List.of(), fileLine,
                count == 0 ? Optional.empty() : Optional.of(count), List.of()));
            fileLine += lineCount + 1;
        }
        return new Notebook("fuzzed.ipynb", 4, 5, new NotebookMetadata("python3", "Python 3", "python", "3.11"), cells);
    }

    private static void assertInside(SyntaxError error, int lines) {
        assertThat(error.line()).as("line of %s", error).isBetween(1, lines);
        assertThat(error.column()).as("column of %s", error).isPositive();
        assertThat(error.message()).as("message of %s", error).isNotBlank();
        assertThat(error.message().codePoints().filter(Character::isISOControl).toArray())
            .as("control characters in the message of %s", error).isEmpty();
    }

    private static void assertInside(Span span, int lines) {
        if (span.equals(Span.NONE)) {
            return;
        }
        // an empty node at the very end (the body of a cell magic on the last line) sits at the end of the text
        boolean emptyAtEnd = span.startLine() == lines + 1 && span.startCol() == 0 && span.endLine() == lines + 1
            && span.endCol() == 0;
        assertThat(emptyAtEnd || span.startLine() <= lines).as("start of %s inside %d lines", span, lines).isTrue();
        assertThat(span.startLine()).as("start of %s", span).isPositive();
        // the end is exclusive: a node that takes the last line break ends at column 0 of the line after it
        boolean atNextLineStart = span.endLine() == lines + 1 && span.endCol() == 0;
        assertThat(atNextLineStart || span.endLine() <= lines).as("end of %s inside %d lines", span, lines).isTrue();
        assertThat(span.endLine()).as("end of %s", span).isGreaterThanOrEqualTo(span.startLine());
        assertThat(span.startCol()).as("start column of %s", span).isNotNegative();
        assertThat(span.endCol()).as("end column of %s", span).isNotNegative();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

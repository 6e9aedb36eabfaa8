package dev.nb2prod.testing;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.MarkdownCell;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookMetadata;
import dev.nb2prod.notebook.Output;
import dev.nb2prod.notebook.SourceText;
import dev.nb2prod.python.SonarPythonFrontEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Small in-memory notebooks for tests: {@code TestNotebooks.builder().code("x = 1").markdown("# T").build()}.
 * Source line {@code i} of cell {@code c} is given the fake file line {@code 1000 * (c + 1) + i} so tests can
 * check file-line mapping.
 */
public final class TestNotebooks {
    private TestNotebooks() {}

    public static Builder builder() {
        return new Builder();
    }

    /** A notebook of code cells only, executed in order (counts 1, 2, 3...). */
    public static Notebook code(String... sources) {
        Builder builder = builder();
        for (String source : sources) {
            builder.code(source);
        }
        return builder.build();
    }

    public static AnalyzedNotebook analyze(Notebook notebook) {
        return AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd());
    }

    public static CellGraph graph(Notebook notebook) {
        return new CellGraphBuilder().build(analyze(notebook));
    }

    public static final class Builder {
        private final List<Cell> cells = new ArrayList<>();
        private int nextCount = 1;
        private String path = "test.ipynb";

        public Builder path(String value) {
            path = value;
            return this;
        }

        /** A code cell run after the previous ones (the next execution count). */
        public Builder code(String source) {
            return code(source, Optional.of(nextCount++), List.of(), List.of());
        }

        /** A code cell with an explicit execution count (null: never run). */
        public Builder code(String source, Integer executionCount) {
            return code(source, Optional.ofNullable(executionCount), List.of(), List.of());
        }

        public Builder codeWithTags(String source, String... tags) {
            return code(source, Optional.of(nextCount++), List.of(tags), List.of());
        }

        /** A code cell with saved outputs. */
        public Builder codeWithOutputs(String source, Output... outputs) {
            return code(source, Optional.of(nextCount++), List.of(), List.of(outputs));
        }

        public Builder code(String source, Optional<Integer> count, List<String> tags, List<Output> outputs) {
            int index = cells.size();
            cells.add(new CodeCell(index, "cell-" + index, text(source, index), tags, 1000 * (index + 1) - 1, count,
                outputs));
            return this;
        }

        public Builder markdown(String source) {
            int index = cells.size();
            cells.add(new MarkdownCell(index, "cell-" + index, text(source, index), List.of(), 1000 * (index + 1) - 1));
            return this;
        }

        public Notebook build() {
            return new Notebook(path, 4, 5, new NotebookMetadata("python3", "Python 3", "python", "3.11"), cells);
        }

        private static SourceText text(String source, int index) {
            int lines = Math.max(1, source.split("\n", -1).length);
            return new SourceText(source, IntStream.range(0, lines).mapToObj(i -> 1000 * (index + 1) + i).toList());
        }
    }

    /** A stdout stream output with the given text. */
    public static Output stdout(String text) {
        return new Output.Stream("stdout", new SourceText(text, lineNumbers(text)), 1);
    }

    /** An execute_result output with text/plain (and text/html when given). */
    public static Output result(String plain, String html) {
        Map<String, SourceText> data = html == null
            ? Map.of("text/plain", new SourceText(plain, lineNumbers(plain)))
            : Map.of("text/plain", new SourceText(plain, lineNumbers(plain)), "text/html", new SourceText(html, lineNumbers(html)));
        return new Output.ExecuteResult(Optional.of(1), new Output.MimeBundle(data, Map.of()), 1);
    }

    /** A display_data output holding a PNG image (only its size is kept, as the reader does). */
    public static Output image() {
        return new Output.DisplayData(new Output.MimeBundle(Map.of("text/plain",
            new SourceText("<Figure size 432x288 with 1 Axes>", lineNumbers("x"))), Map.of("image/png", 1024)), 1);
    }

    /** An error output with the given traceback text. */
    public static Output error(String ename, String evalue, String traceback) {
        return new Output.Error(ename, evalue, new SourceText(traceback, lineNumbers(traceback)), 1);
    }

    private static List<Integer> lineNumbers(String text) {
        int lines = Math.max(1, text.split("\n", -1).length);
        return IntStream.range(0, lines).mapToObj(i -> 5000 + i).toList();
    }
}

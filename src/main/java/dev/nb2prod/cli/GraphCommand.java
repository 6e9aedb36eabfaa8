package dev.nb2prod.cli;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.report.GraphDotRenderer;
import dev.nb2prod.report.GraphJsonRenderer;
import dev.nb2prod.report.GraphMermaidRenderer;
import dev.nb2prod.rules.Secrets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb2prod graph}: the cell dependency map of a notebook. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = "Print the cell graph of a notebook: which cell defines, reads and mutates which name, "
        + "its inputs and outputs, and the data flow between cells.")
final class GraphCommand implements Callable<Integer> {
    enum Format { json, mermaid, dot }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook (.ipynb).")
    private Path notebookPath;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
        description = "json, mermaid or dot (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    private Path output;

    @Option(names = "--force", description = "Overwrite FILE when it exists (never through a symbolic link).")
    private boolean force;

    @Override
    public Integer call() throws InterruptedException {
        return AnalysisThreads.call(this::run);
    }

    private Integer run() {
        if (OutputFiles.check(spec.commandLine().getErr(), output, force) != ExitCodes.OK) {
            return ExitCodes.USAGE;
        }
        Notebook notebook;
        try {
            notebook = new NotebookReader().read(notebookPath);
        } catch (NotebookReadException e) {
            spec.commandLine().getErr().println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        String text = switch (format) {
            case json -> new GraphJsonRenderer().render(graph);
            case mermaid -> new GraphMermaidRenderer().render(graph, notebook);
            case dot -> new GraphDotRenderer().render(graph, notebook);
        };
        return OutputFiles.write(spec, output, force, text);
    }
}

package dev.nb2prod.cli;

import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.graph.Checklist;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookFiles;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.report.AssessReport;
import dev.nb2prod.report.NotebookResult;
import dev.nb2prod.report.NotebookSummary;
import dev.nb2prod.report.TextRenderer;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.rules.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb2prod assess}: reads notebooks, builds their cell graphs and reports anti-patterns. */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Assess notebooks: syntax, cell graph, assessment checklist and notebook anti-patterns.")
final class AssessCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notebooks (.ipynb) or directories to search for them.")
    private List<Path> paths;

    @Option(names = "--jobs", paramLabel = "N", description = "Notebooks processed in parallel (default: the number of processors).")
    private Integer jobs;

    /** The outcome of one file: a result, or the one-line reason it could not be read. */
    private record Outcome(NotebookResult result, String error) {}

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NotebookFiles.Expansion expansion = NotebookFiles.expand(paths);
        boolean inputError = !expansion.problems().isEmpty();
        expansion.problems().forEach(p -> err.println("nb2prod: " + p));
        List<Rule> rules = Rules.all();
        Assessor assessor = new Assessor(rules, AssessConfig.DEFAULTS);
        List<NotebookResult> results = new ArrayList<>();
        for (Outcome outcome : process(expansion.notebooks(), assessor)) {
            if (outcome.error() != null) {
                inputError = true;
                err.println("nb2prod: " + outcome.error());
            } else {
                results.add(outcome.result());
            }
        }
        AssessReport report = new AssessReport(results, rules.stream().map(Rule::info).toList(), Severity.ERROR);
        out.print(new TextRenderer(Terminal.colorWanted()).render(report));
        out.flush();
        err.flush();
        if (inputError) {
            return ExitCodes.USAGE;
        }
        return report.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Assesses the files in parallel; the outcomes keep the order of the files. */
    private List<Outcome> process(List<Path> files, Assessor assessor) throws InterruptedException {
        int threads = Math.max(1, Math.min(files.size(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> assess(file, assessor)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome assess(Path file, Assessor assessor) {
        Notebook notebook;
        try {
            notebook = new NotebookReader().read(file);
        } catch (NotebookReadException e) {
            return new Outcome(null, e.getMessage());
        }
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        return new Outcome(new NotebookResult(NotebookSummary.of(analyzed), Checklist.of(graph),
            assessor.assess(analyzed, graph)), null);
    }
}

package dev.nb2prod.testing;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PackageWriter;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.PlanPrinter;
import dev.nb2prod.extract.Planner;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.graph.Checklist;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.report.AssessReport;
import dev.nb2prod.report.GithubRenderer;
import dev.nb2prod.report.GraphDotRenderer;
import dev.nb2prod.report.GraphJsonRenderer;
import dev.nb2prod.report.GraphMermaidRenderer;
import dev.nb2prod.report.JsonRenderer;
import dev.nb2prod.report.NotebookResult;
import dev.nb2prod.report.NotebookSummary;
import dev.nb2prod.report.SarifRenderer;
import dev.nb2prod.report.TextRenderer;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.rules.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything nb2prod prints about a notebook, from one analysis: the four assess formats, the three graph formats
 * and, on request, the extraction plan and the generated package's files. The same classes the commands use, so
 * corpus-wide tests need not read and analyse each notebook once per format.
 */
public final class Renderings {
    private Renderings() {}

    private static final List<Rule> RULES = Rules.all();

    /** One notebook, analysed. */
    public record Analysis(Notebook notebook, AnalyzedNotebook analyzed, CellGraph graph, List<Finding> findings) {
        public NotebookResult result() {
            return new NotebookResult(NotebookSummary.of(analyzed), Checklist.of(graph), findings);
        }
    }

    /** Reads and analyses a notebook; empty when it cannot be read (the reader's message is then the output). */
    public static Optional<Analysis> analyse(Path file) {
        try {
            Notebook notebook = new NotebookReader().read(file);
            AnalyzedNotebook analyzed = AnalyzedNotebook.of(notebook, new SonarPythonFrontEnd());
            CellGraph graph = new CellGraphBuilder().build(analyzed);
            return Optional.of(new Analysis(notebook, analyzed, graph,
                new Assessor(RULES, AssessConfig.DEFAULTS).assess(analyzed, graph)));
        } catch (NotebookReadException e) {
            return Optional.empty();
        }
    }

    /** The report of several notebooks in the four assess formats, keyed "assess.text", "assess.json"... */
    public static Map<String, String> assess(List<NotebookResult> results) {
        AssessReport report = new AssessReport(results, RULES.stream().map(Rule::info).toList(), Severity.INFO);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("assess.text", new TextRenderer(false).render(report));
        out.put("assess.json", new JsonRenderer().render(report));
        out.put("assess.sarif", new SarifRenderer("test").render(report));
        out.put("assess.github", new GithubRenderer().render(report));
        return out;
    }

    /** The graph of one notebook in the three graph formats, keyed "graph.json", "graph.mermaid", "graph.dot". */
    public static Map<String, String> graph(Analysis analysis) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("graph.json", new GraphJsonRenderer().render(analysis.graph()));
        out.put("graph.mermaid", new GraphMermaidRenderer().render(analysis.graph(), analysis.notebook()));
        out.put("graph.dot", new GraphDotRenderer().render(analysis.graph(), analysis.notebook()));
        return out;
    }

    /**
     * What extract prints and writes for a notebook: "plan" (or "refused", the one-line reason) and every file of the
     * package under "package/" + its path. Files are decoded as ISO-8859-1 so any byte compares and any ASCII
     * secret is found.
     */
    public static SortedMap<String, String> extract(Path file, Analysis analysis) {
        SortedMap<String, String> out = new TreeMap<>();
        ExtractionPlan plan;
        try {
            plan = new Planner().plan(analysis.analyzed(), analysis.graph(), analysis.findings(), PlanOptions.DEFAULTS);
        } catch (ExtractionRefused e) {
            out.put("refused", String.valueOf(e.getMessage()));
            return out;
        }
        out.put("plan", new PlanPrinter().render(plan));
        try {
            new PackageWriter().render(plan, new PackageWriter.Source(file, analysis.findings(), Schedule.none))
                .forEach((path, bytes) -> out.put("package/" + path, new String(bytes, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every .ipynb file under a folder, in a stable order. */
    public static List<Path> notebooks(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".ipynb") && Files.isRegularFile(p)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

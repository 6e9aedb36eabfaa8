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
import dev.nb2prod.report.GithubRenderer;
import dev.nb2prod.report.JsonRenderer;
import dev.nb2prod.report.NotebookResult;
import dev.nb2prod.report.NotebookSummary;
import dev.nb2prod.report.SarifRenderer;
import dev.nb2prod.report.TextRenderer;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.baseline.Baseline;
import dev.nb2prod.rules.baseline.BaselineException;
import dev.nb2prod.rules.settings.Settings;
import dev.nb2prod.rules.settings.SettingsException;
import dev.nb2prod.rules.settings.SettingsFiles;
import dev.nb2prod.rules.settings.SettingsResolver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nb2prod assess}: reads notebooks, builds their cell graphs and reports anti-patterns, as text for people
 * or JSON, SARIF or GitHub annotations for CI. Configuration: command line over environment over configuration
 * file over defaults (docs/configuration.md).
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
    description = "Assess notebooks: syntax, cell graph, assessment checklist and notebook anti-patterns.")
final class AssessCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Notebooks (.ipynb) or directories to search for them.")
    private List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text, json, sarif or github (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "Write the report to FILE instead of standard output (an existing FILE only with --force).")
    private Path output;

    @Option(names = "--force", description = "Replace an existing --output or --write-baseline FILE.")
    private boolean force;

    @Option(names = "--select", paramLabel = "CODES",
        description = "Only these comma-separated rule codes or prefixes (e.g. NB1,NB201). Env: NB2PROD_SELECT.")
    private String select;

    @Option(names = "--ignore", paramLabel = "CODES",
        description = "Skip these comma-separated rule codes or prefixes. Env: NB2PROD_IGNORE.")
    private String ignore;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
        description = "Exit with 1 when a finding is at or above LEVEL: error, warning or info (default: error). "
            + "Env: NB2PROD_FAIL_ON.")
    private String failOn;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (nb2prod.yaml or pyproject.toml); default: the first found from the "
            + "notebooks' folder upwards. Env: NB2PROD_CONFIG.")
    private Path config;

    @Option(names = "--baseline", paramLabel = "FILE",
        description = "Hide the findings recorded in FILE (see --write-baseline); fail only on new ones.")
    private Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
        description = "Record every finding of this run in FILE (then exit 0 unless an input is unusable); "
            + "re-recording over an existing FILE needs --force.")
    private Path writeBaseline;

    @Option(names = "--jobs", paramLabel = "N", description = "Notebooks processed in parallel (default: the number of processors).")
    private Integer jobs;

    /** The outcome of one file: a result, or the one-line reason it could not be read. */
    private record Outcome(NotebookResult result, String error) {}

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) {
            err.println("nb2prod: --jobs must be at least 1");
            return ExitCodes.USAGE;
        }
        if (OutputFiles.check(err, output, force) != ExitCodes.OK
            || OutputFiles.check(err, writeBaseline, force) != ExitCodes.OK) {
            return ExitCodes.USAGE;
        }
        List<Rule> rules = Rules.all();
        Set<String> known = rules.stream().map(r -> r.info().code()).collect(Collectors.toUnmodifiableSet());
        SettingsResolver.Resolved resolved;
        Optional<Baseline> accepted = Optional.empty();
        try {
            resolved = resolve(System.getenv(), known);
            if (baseline != null) {
                accepted = Optional.of(Baseline.read(baseline));
            }
        } catch (SettingsException | BaselineException e) {
            err.println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        NotebookFiles.Expansion expansion = NotebookFiles.expand(paths);
        boolean inputError = !expansion.problems().isEmpty();
        expansion.problems().forEach(p -> err.println("nb2prod: " + Secrets.redact(p)));
        Assessor assessor = new Assessor(rules, resolved.config());
        List<NotebookResult> results = new ArrayList<>();
        for (Outcome outcome : process(expansion.notebooks(), assessor)) {
            if (outcome.error() != null) {
                inputError = true;
                err.println("nb2prod: " + Secrets.redact(outcome.error()));
            } else {
                results.add(outcome.result());
            }
        }
        if (writeBaseline != null) {
            List<Finding> all = results.stream().flatMap(r -> r.findings().stream()).toList();
            int code = OutputFiles.write(spec, writeBaseline, force, Baseline.of(all).toJson());
            if (code != ExitCodes.OK) {
                return code;
            }
            err.println("nb2prod: recorded " + all.size() + (all.size() == 1 ? " finding" : " findings")
                + " in the baseline " + writeBaseline);
        }
        if (accepted.isPresent()) {
            results = withoutBaselined(results, accepted.get(), err);
        }
        AssessReport report = new AssessReport(results, rules.stream().map(Rule::info).toList(), resolved.failOn());
        String text = switch (format) {
            case text -> new TextRenderer(output == null && Terminal.colorWanted()).render(report);
            case json -> new JsonRenderer().render(report);
            case sarif -> new SarifRenderer(version()).render(report);
            case github -> new GithubRenderer().render(report);
        };
        int written = OutputFiles.write(spec, output, force, text);
        err.flush();
        if (written != ExitCodes.OK || inputError) {
            return ExitCodes.USAGE;
        }
        if (writeBaseline != null) {
            return ExitCodes.OK;
        }
        return report.failed() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    /** Command line over environment over the configuration file (given, or found) over defaults. */
    private SettingsResolver.Resolved resolve(Map<String, String> env, Set<String> known) throws SettingsException {
        Settings commandLine = SettingsResolver.fromCommandLine(select, ignore, failOn, known);
        Settings environment = SettingsResolver.fromEnvironment(env, known);
        Optional<Path> file = SettingsFiles.locate(config, env, commonFolder(paths));
        Settings fromFile = file.isPresent() ? SettingsFiles.read(file.get(), known) : Settings.EMPTY;
        return SettingsResolver.resolve(fromFile, environment, commandLine);
    }

    /** The deepest folder that holds every path named (a file stands for its folder). */
    static Path commonFolder(List<Path> paths) {
        Path common = null;
        for (Path path : paths) {
            Path absolute = path.toAbsolutePath().normalize();
            Path folder = Files.isDirectory(absolute) || absolute.getParent() == null ? absolute : absolute.getParent();
            if (common == null) {
                common = folder;
            } else {
                while (!folder.startsWith(common)) {
                    common = common.getParent();
                }
            }
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    private static List<NotebookResult> withoutBaselined(List<NotebookResult> results, Baseline accepted, PrintWriter err) {
        List<NotebookResult> kept = new ArrayList<>();
        int hidden = 0;
        for (NotebookResult result : results) {
            List<Finding> fresh = accepted.newFindings(result.findings());
            hidden += result.findings().size() - fresh.size();
            kept.add(new NotebookResult(result.summary(), result.checklist(), fresh));
        }
        if (hidden > 0) {
            err.println("nb2prod: " + hidden + (hidden == 1 ? " finding" : " findings") + " hidden by the baseline");
        }
        return kept;
    }

    private static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** Assesses the files in parallel; the outcomes keep the order of the files. */
    private List<Outcome> process(List<Path> files, Assessor assessor) throws InterruptedException {
        int threads = Math.max(1, Math.min(files.size(), jobs != null ? jobs : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, AnalysisThreads.factory());
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
                    throw AnalysisThreads.rethrown(e.getCause());
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

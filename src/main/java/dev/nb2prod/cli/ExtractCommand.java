package dev.nb2prod.cli;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionRefused;
import dev.nb2prod.extract.PackageWriter;
import dev.nb2prod.extract.PlanOptions;
import dev.nb2prod.extract.PlanPrinter;
import dev.nb2prod.extract.Planner;
import dev.nb2prod.extract.write.IoMessages;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.extract.write.TreeWriter;
import dev.nb2prod.extract.write.WriteRefused;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.Notebook;
import dev.nb2prod.notebook.NotebookReadException;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.rules.Secrets;
import dev.nb2prod.rules.settings.Settings;
import dev.nb2prod.rules.settings.SettingsException;
import dev.nb2prod.rules.settings.SettingsFiles;
import dev.nb2prod.rules.settings.SettingsResolver;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.nb2prod.verify.SnapshotRecorder;
import dev.nb2prod.verify.VerifyOptions;
import java.time.Duration;
import java.util.SortedMap;
import picocli.CommandLine.Parameters;

/**
 * {@code nb2prod extract}: plans the package a notebook becomes (cells to functions, functions to stage modules,
 * constants to configuration, secrets to the environment) and writes it, or with {@code --plan} only prints the
 * plan. Rule settings (which findings inform the plan) come from {@code --config} as for {@code assess}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extract a notebook into a production Python package (or print the plan with --plan).")
final class ExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "The notebook (.ipynb) to extract.")
    private Path notebook;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
        description = "Folder to write the package into (must be empty or absent unless --force).")
    private Path output;

    @Option(names = "--package", paramLabel = "NAME", description = "Import package name (default: from the notebook).")
    private String packageName;

    @Option(names = "--schedule", paramLabel = "KIND",
        description = "What runs the package on a schedule: cron (schedule/crontab and schedule/run.sh), make "
            + "(a Makefile, run from cron), github (a GitHub Actions workflow), dagster, airflow or prefect "
            + "(pipelines/<name>.py), or none. Default: the one recommended for the pipeline's shape (--plan "
            + "says which and why).")
    private Schedule schedule;

    @Option(names = "--orchestrator", paramLabel = "KIND", description = "The older name of --schedule.")
    private Schedule orchestrator;

    @Option(names = "--keep-exploratory", description = "Keep exploratory cells instead of dropping them.")
    private boolean keepExploratory;

    @Option(names = "--drop-unparsed", description = "Go on without the cells that ran but do not parse (the plan "
        + "and the README name them); without it, extract refuses such a notebook.")
    private boolean dropUnparsed;

    @Option(names = "--figures", paramLabel = "MODE", defaultValue = "keep",
        description = "keep: the reporting stage saves each figure the notebook shows under "
            + "output_root/figures/; drop: leave the drawing code out (default: ${DEFAULT-VALUE}).")
    private FigureMode figures;

    /** What to do with the notebook's figures. */
    enum FigureMode { keep, drop }

    @Option(names = "--fixture-rows", paramLabel = "N", defaultValue = "200",
        description = "The most data rows a test fixture made from a CSV or TSV file keeps: a deterministic sample, "
            + "stratified on the target column when the code names one (default: ${DEFAULT-VALUE}).")
    private int fixtureRows;

    @Option(names = "--record", description = "Run the generated tests once with --python (which needs the "
        + "notebook's packages and pytest) to record the snapshots of tests/golden/; without it, the tests record "
        + "them on their first run.")
    private boolean record;

    @Option(names = "--python", paramLabel = "PATH", defaultValue = VerifyOptions.DEFAULT_PYTHON,
        description = "The Python interpreter --record runs the tests with (default: ${DEFAULT-VALUE}).")
    private String python;

    @Option(names = "--plan", description = "Print the plan (cells, functions, modules, configuration, secrets) "
        + "and write nothing.")
    private boolean planOnly;

    @Option(names = "--force", description = "Replace the content of a non-empty DIR (a DIR that is a symbolic "
        + "link is always refused).")
    private boolean force;

    @Option(names = "--config", paramLabel = "FILE",
        description = "nb2prod configuration file (nb2prod.yaml or pyproject.toml) for the rule settings; default: "
            + "the first found from the notebook's folder upwards. Env: NB2PROD_CONFIG.")
    private Path config;

    @Override
    public Integer call() throws InterruptedException {
        return AnalysisThreads.call(this::run);
    }

    private Integer run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (schedule != null && orchestrator != null && schedule != orchestrator) {
            err.println("nb2prod: --schedule " + schedule + " and --orchestrator " + orchestrator + " disagree "
                + "(--orchestrator is the older name of --schedule): give one");
            return ExitCodes.USAGE;
        }
        Optional<Schedule> chosen = Optional.ofNullable(schedule != null ? schedule : orchestrator);
        if (!planOnly && output == null) {
            err.println("nb2prod: extract needs -o DIR (or --plan to only print the plan)");
            return ExitCodes.USAGE;
        }
        if (fixtureRows < 1) {
            err.println("nb2prod: --fixture-rows must be at least 1, got " + fixtureRows);
            return ExitCodes.USAGE;
        }
        if (!planOnly) {
            try {
                TreeWriter.check(output, force);
                refuseToReplaceWhatWeStandOn();
            } catch (WriteRefused e) {
                err.println("nb2prod: " + oneLine(e.getMessage()));
                return ExitCodes.USAGE;
            }
        }
        List<Rule> rules = Rules.all();
        Set<String> known = rules.stream().map(r -> r.info().code()).collect(Collectors.toUnmodifiableSet());
        SettingsResolver.Resolved resolved;
        try {
            resolved = resolve(System.getenv(), known);
        } catch (SettingsException e) {
            err.println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        Notebook read;
        try {
            read = new NotebookReader().read(notebook);
        } catch (NotebookReadException e) {
            err.println("nb2prod: " + Secrets.redact(e.getMessage()));
            return ExitCodes.USAGE;
        }
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(read, new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(rules, resolved.config()).assess(analyzed, graph);
        ExtractionPlan plan;
        try {
            plan = new Planner().plan(analyzed, graph, findings, new PlanOptions(packageName, keepExploratory,
                dropUnparsed, figures == FigureMode.keep));
        } catch (ExtractionRefused e) {
            err.println("nb2prod: cannot extract " + notebook + ": " + oneLine(e.getMessage()));
            return ExitCodes.USAGE;
        }
        if (planOnly) {
            out.print(new PlanPrinter().render(plan, chosen));
            out.flush();
            return ExitCodes.OK;
        }
        String recorded = "";
        try {
            SortedMap<String, byte[]> files = new PackageWriter().render(plan,
                new PackageWriter.Source(notebook, findings, chosen, fixtureRows));
            if (record) {
                SnapshotRecorder.Outcome outcome = SnapshotRecorder.record(files, python, Duration.ofMinutes(30));
                files.putAll(outcome.golden());
                recorded = ", " + outcome.golden().size() + " snapshots recorded in "
                    + SnapshotRecorder.GOLDEN;
                if (outcome.problem().isPresent()) {
                    err.println("nb2prod: warning: " + oneLine(outcome.problem().get()) + "; the tests record the "
                        + "missing snapshots on their first run");
                }
            }
            TreeWriter.write(files, output, force);
        } catch (WriteRefused e) {
            err.println("nb2prod: " + oneLine(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("nb2prod: cannot write " + output + ": " + oneLine(IoMessages.describe(e)));
            return ExitCodes.USAGE;
        }
        err.println("nb2prod: wrote " + plan.packageName() + " (" + plan.functions().size() + " functions in "
            + plan.stages().size() + " modules" + recorded + ") into " + output);
        return ExitCodes.OK;
    }

    /**
     * With --force DIR is replaced whole: refuse a DIR that holds the notebook (its data would go with it) or the
     * current directory (e.g. {@code -o . --force} in a repository).
     */
    private void refuseToReplaceWhatWeStandOn() throws WriteRefused {
        if (!force || !Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Path dir = output.toRealPath();
            Path cwd = Path.of("").toRealPath();
            if (Files.exists(notebook) && notebook.toRealPath().startsWith(dir)) {
                throw new WriteRefused("refusing to replace " + output + " with --force: it holds the notebook "
                    + notebook + "; write the package into a folder of its own");
            }
            if (cwd.startsWith(dir)) {
                throw new WriteRefused("refusing to replace " + output + " with --force: it holds the current "
                    + "directory; write the package into a folder of its own");
            }
        } catch (IOException e) {
            throw new WriteRefused(output + " cannot be read: " + IoMessages.describe(e));
        }
    }

    /** The message on one line, secrets masked (it may quote the notebook). */
    private static String oneLine(String message) {
        return message == null ? "" : Secrets.redact(message.replaceAll("\\s*\\R\\s*", " ").strip());
    }

    /** Environment over the configuration file (given, or found from the notebook's folder) over defaults. */
    private SettingsResolver.Resolved resolve(Map<String, String> env, Set<String> known) throws SettingsException {
        Settings environment = SettingsResolver.fromEnvironment(env, known);
        Optional<Path> file = SettingsFiles.locate(config, env, AssessCommand.commonFolder(List.of(notebook)));
        Settings fromFile = file.isPresent() ? SettingsFiles.read(file.get(), known) : Settings.EMPTY;
        return SettingsResolver.resolve(fromFile, environment, Settings.EMPTY);
    }
}

package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.write.ExamplePlans;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.extract.write.ScheduleRenderer;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.PythonTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The schedule files of every kind, written for the real extraction of the bundled example. */
class ScheduleFilesTest {
    private static final String PKG = "churn_analysis";
    private static ExtractionPlan plan;
    private static List<Finding> findings;

    @BeforeAll
    static void planTheExample() throws Exception {
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(new NotebookReader().read(ExamplePlans.CHURN_NOTEBOOK),
            new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        plan = new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
    }

    private static SortedMap<String, byte[]> render(Schedule schedule) throws Exception {
        return new PackageWriter().render(plan, new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings,
            schedule));
    }

    private static String text(SortedMap<String, byte[]> files, String path) {
        assertThat(files).containsKey(path);
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    private static Set<String> expectedFiles(Schedule schedule) {
        return switch (schedule) {
            case none -> Set.of();
            case cron -> Set.of(ScheduleRenderer.CRONTAB, ScheduleRenderer.RUN_SCRIPT);
            case make -> Set.of(ScheduleRenderer.MAKEFILE, ScheduleRenderer.CRONTAB, ScheduleRenderer.RUN_SCRIPT);
            case github -> Set.of(".github/workflows/" + PKG + ".yml");
            case dagster, airflow, prefect -> Set.of("pipelines/" + PKG + ".py");
        };
    }

    @ParameterizedTest
    @EnumSource(Schedule.class)
    void eachScheduleWritesExactlyItsFilesDeterministically(Schedule schedule) throws Exception {
        SortedMap<String, byte[]> files = render(schedule);
        Set<String> extra = new TreeSet<>(files.keySet());
        extra.removeAll(render(Schedule.none).keySet());
        assertThat(extra).containsExactlyInAnyOrderElementsOf(expectedFiles(schedule));
        assertThat(render(schedule)).as("byte-identical across runs").containsExactlyEntriesOf(files);
        String readme = text(files, "README.md");
        assertThat(readme).contains("## Schedule");
        expectedFiles(schedule).forEach(path -> assertThat(readme).as(path).contains("`" + path + "`"));
        if (schedule != Schedule.none) {
            assertThat(readme).contains("Chosen with `nb2prod extract --schedule " + schedule + "`.");
        }
    }

    @Test
    void withoutAScheduleTheRecommendedOneIsWrittenAndTheReadmeSaysWhy() throws Exception {
        SortedMap<String, byte[]> files = new PackageWriter().render(plan,
            new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings));
        assertThat(files).containsKey("pipelines/" + PKG + ".py").doesNotContainKey(ScheduleRenderer.MAKEFILE);
        assertThat(text(files, "README.md")).contains("Recommended by nb2prod for this pipeline's shape: a DAG of");
    }

    @ParameterizedTest
    @EnumSource(value = Schedule.class, names = {"cron", "make"})
    void theCronFilesCallTheWrapperWhichLogsAndPassesSyntaxCheck(Schedule schedule, @TempDir Path dir)
        throws Exception {
        SortedMap<String, byte[]> files = render(schedule);
        List<String> entries = text(files, ScheduleRenderer.CRONTAB).lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(entries).hasSize(1);
        String[] fields = entries.get(0).split(" ", 6);
        assertThat(fields).hasSize(6);
        assertThat(String.join(" ", List.of(fields).subList(0, 5))).isEqualTo("0 2 * * *");
        assertThat(fields[5]).endsWith("sh /ABSOLUTE/PATH/TO/PROJECT/schedule/run.sh");
        String script = text(files, ScheduleRenderer.RUN_SCRIPT);
        assertThat(script).startsWith("#!/bin/sh\n").contains("\nset -eu\n").contains("LOG=\"logs/" + PKG + ".log\"")
            .contains("exit \"$status\"");
        assertThat(script).contains(schedule == Schedule.make ? "\nmake run " : " -m " + PKG + " --config config.yaml");
        Path file = dir.resolve("run.sh");
        Files.write(file, files.get(ScheduleRenderer.RUN_SCRIPT));
        PythonTool.Result check = PythonTool.run(List.of("sh", "-n", file.toString()), dir, 30);
        assertThat(check.exitCode()).as(check.stderr()).isZero();
    }

    @Test
    void theWrapperExitsWithTheStatusOfTheRunAndLogsIt(@TempDir Path dir) throws Exception {
        SortedMap<String, byte[]> files = render(Schedule.cron);
        Path script = dir.resolve("schedule/run.sh");
        Files.createDirectories(script.getParent());
        Files.write(script, files.get(ScheduleRenderer.RUN_SCRIPT));
        // "python" that fails: the package is not there, so python -m fails; a stand-in keeps it fast
        Path fake = dir.resolve("fake-python");
        Files.writeString(fake, "#!/bin/sh\necho \"ran $*\"\nexit 3\n");
        fake.toFile().setExecutable(true);
        PythonTool.Result run = PythonTool.run(List.of("sh", "schedule/run.sh"), dir, Map.of("PYTHON",
            fake.toString()), 30);
        assertThat(run.exitCode()).isEqualTo(3);
        String log = Files.readString(dir.resolve("logs/" + PKG + ".log"));
        assertThat(log).contains("start " + PKG).contains("ran -m " + PKG + " --config config.yaml")
            .contains("end " + PKG + ": exit status 3");
        assertThat(log.lines().findFirst().orElseThrow()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ start .*");
    }

    @Test
    void theMakefileHasOneTargetPerStageModuleAndTheUsualOnes() throws Exception {
        String makefile = text(render(Schedule.make), ScheduleRenderer.MAKEFILE);
        List<String> targets = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(\\.?[A-Za-z_][A-Za-z0-9_.-]*):").matcher(makefile);
        while (m.find()) {
            targets.add(m.group(1));
        }
        List<String> stages = plan.stages().stream().map(Stage::module).toList();
        assertThat(stages).isNotEmpty();
        for (String stage : stages) {
            assertThat(targets).as(stage).containsOnlyOnce(stage);
        }
        assertThat(targets).contains(".PHONY", "all", "run", "test", "lint", "install");
        Set<String> phony = new LinkedHashSet<>(List.of(makefile.lines().filter(l -> l.startsWith(".PHONY:"))
            .findFirst().orElseThrow().substring(".PHONY:".length()).strip().split(" +")));
        targets.stream().filter(t -> !t.equals(".PHONY")).forEach(t -> assertThat(phony).as(t).contains(t));
        assertThat(makefile).contains("\nall: run\n").contains("\nrun:\n\t$(PYTHON) -m " + PKG + " --config $(CONFIG)\n")
            .contains("\ntest:\n\t$(PYTHON) -m pytest\n").contains("\nlint:\n\t$(PYTHON) -m pyflakes src tests\n");
        makefile.lines().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.matches("\\.?[A-Za-z_][\\w.-]*:.*")
            && !l.matches("(export )?[A-Z]+ [?:]?= .*")).forEach(l -> assertThat(l).as("a recipe line").startsWith("\t"));
    }

    @Test
    void aStageTargetRunsTheTestsOfTheStagesUpToIt(@TempDir Path dir) throws Exception {
        Path makefile = dir.resolve("Makefile");
        Files.write(makefile, render(Schedule.make).get(ScheduleRenderer.MAKEFILE));
        List<String> stages = plan.stages().stream().map(Stage::module).toList();
        String last = stages.get(stages.size() - 1);
        PythonTool.Result dry;
        try {
            dry = PythonTool.run(List.of("make", "-n", "-f", makefile.toString(), last), dir, 30);
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no make: " + e.getMessage());
            return;
        }
        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        List<String> expected = stages.stream().map(s -> "python3 -m pytest tests/test_" + s + ".py").toList();
        assertThat(dry.stdout().lines().toList()).containsExactlyElementsOf(expected);
        PythonTool.Result run = PythonTool.run(List.of("make", "-n", "-f", makefile.toString()), dir, 30);
        assertThat(run.stdout().strip()).isEqualTo("python3 -m " + PKG + " --config config.yaml");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkflowIsValidYamlThatRunsOnAScheduleAndOnDemand() throws Exception {
        String yaml = text(render(Schedule.github), ".github/workflows/" + PKG + ".yml");
        Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build())
            .loadFromString(yaml);
        Map<String, Object> on = (Map<String, Object>) workflow.get("on");
        assertThat(on).containsKeys("schedule", "workflow_dispatch");
        assertThat((List<Map<String, Object>>) on.get("schedule")).containsExactly(Map.of("cron", "0 2 * * *"));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Object>) jobs.get("run"))
            .get("steps");
        assertThat(steps.get(0)).containsEntry("uses", "actions/checkout@v4");
        assertThat(steps.get(1)).containsEntry("uses", "actions/setup-python@v5")
            .containsEntry("with", Map.of("python-version", "3.11"));
        List<Object> runs = steps.stream().map(s -> s.get("run")).filter(r -> r != null).map(Object.class::cast)
            .toList();
        assertThat(runs).containsExactly("python -m pip install -e .", "python -m " + PKG + " --config config.yaml");
        Map<String, Object> pipelineStep = steps.stream().filter(s -> ("python -m " + PKG + " --config config.yaml")
            .equals(s.get("run"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) pipelineStep.get("env")).containsEntry("API_KEY", "${{ secrets.API_KEY }}");
        Map<String, Object> upload = steps.get(steps.size() - 1);
        assertThat(upload).containsEntry("uses", "actions/upload-artifact@v4");
        String paths = (String) ((Map<String, Object>) upload.get("with")).get("path");
        assertThat(paths.lines().toList()).contains("reports/churn_by_region.csv");
    }

    @ParameterizedTest
    @EnumSource(value = Schedule.class, names = {"dagster", "airflow", "prefect"})
    void theOrchestratorFilesCallEveryStepFunctionExactlyOnceAndCompile(Schedule schedule, @TempDir Path dir)
        throws Exception {
        String code = text(render(schedule), "pipelines/" + PKG + ".py");
        for (ExtractionPlan.StageFunction function : plan.functions()) {
            Matcher calls = Pattern.compile("\\b" + Pattern.quote(function.name()) + "\\(").matcher(code);
            assertThat(calls.results().count()).as(function.name()).isEqualTo(1);
        }
        String unit = switch (schedule) {
            case dagster -> "\n@asset\ndef (?!config\\()";
            case prefect -> "\n@task\ndef ";
            default -> "= PythonOperator\\(";
        };
        assertThat(Pattern.compile(unit).matcher(code).results().count()).as("one asset or task per step")
            .isEqualTo(plan.functions().size());
        if (System.getenv("NB2PROD_TEST_PYTHON") != null) {
            Path file = dir.resolve(PKG + "_" + schedule + ".py");
            Files.writeString(file, code);
            PythonTool.Result compiled = PythonTool.run(List.of(System.getenv("NB2PROD_TEST_PYTHON"), "-m",
                "py_compile", file.toString()), dir, 60);
            assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
        }
    }
}

package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.write.ExamplePlans;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraphBuilder;
import dev.nb2prod.notebook.NotebookReader;
import dev.nb2prod.python.SonarPythonFrontEnd;
import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.Assessor;
import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Rules;
import dev.nb2prod.testing.Goldens;
import dev.nb2prod.testing.PythonTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole package generated for the hand-made plan of the churn example. */
class PackageWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/extract/churn");
    private static final String SECRET = "sk_live_51OqT7vKx2mWbR9cLzE4hN8pYdA3fJ6gUs0tVi5kQ";

    static List<Finding> findings() throws Exception {
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(new NotebookReader().read(ExamplePlans.CHURN_NOTEBOOK),
            new SonarPythonFrontEnd());
        return new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, new CellGraphBuilder().build(analyzed));
    }

    static SortedMap<String, byte[]> render(Schedule orchestrator) throws Exception {
        return new PackageWriter().render(ExamplePlans.churn(),
            new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings(), orchestrator));
    }

    @Test
    void theChurnPackageMatchesTheGoldenTree() throws Exception {
        SortedMap<String, byte[]> files = render(Schedule.none);
        StringBuilder listing = new StringBuilder();
        files.forEach((path, bytes) -> listing.append(path).append(' ').append(bytes.length).append('\n'));
        Goldens.check(GOLDEN.resolve("FILES.txt"), listing.toString());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Goldens.check(GOLDEN.resolve(file.getKey()), new String(file.getValue(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Schedule.class, names = {"dagster", "airflow", "prefect"})
    void orchestratorFilesMatchTheirGoldens(Schedule orchestrator) throws Exception {
        SortedMap<String, byte[]> files = render(orchestrator);
        byte[] pipeline = files.get("pipelines/churn_analysis.py");
        assertThat(pipeline).isNotNull();
        Goldens.check(Path.of("src/test/resources/golden/extract/orchestrators/" + orchestrator + ".py"),
            new String(pipeline, StandardCharsets.UTF_8));
    }

    @Test
    void outputIsByteIdenticalAcrossRuns() throws Exception {
        SortedMap<String, byte[]> first = render(Schedule.airflow);
        SortedMap<String, byte[]> second = render(Schedule.airflow);
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
    }

    @Test
    void noGeneratedFileHoldsTheSecret() throws Exception {
        for (Schedule orchestrator : Schedule.values()) {
            render(orchestrator).forEach((path, bytes) ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as(path).doesNotContain(SECRET).doesNotContain("sk_live_51"));
        }
        String notebook = new String(render(Schedule.none).get("notebooks/churn_analysis.ipynb"), StandardCharsets.UTF_8);
        assertThat(notebook).contains("<redacted: set API_KEY in .env>").doesNotContain("\"outputs\": [\n")
            .doesNotContain("image/png").contains("\"execution_count\": null");
    }

    @Test
    void generatedPythonCompilesAndIsPyflakesClean(@TempDir Path dir) throws Exception {
        String python = PythonTool.require("pyflakes");
        List<String> sources = new ArrayList<>();
        for (Schedule orchestrator : Schedule.values()) {
            Path root = dir.resolve(orchestrator.name());
            new PackageWriter().write(ExamplePlans.churn(),
                new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings(), orchestrator), root, false);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".py")).forEach(p -> sources.add(p.toString()));
            }
        }
        List<String> compile = new ArrayList<>(List.of(python, "-m", "py_compile"));
        compile.addAll(sources);
        PythonTool.Result compiled = PythonTool.run(compile, dir, 120);
        assertThat(compiled.exitCode()).as(compiled.stderr()).isZero();
        List<String> flakes = new ArrayList<>(List.of(python, "-m", "pyflakes"));
        flakes.addAll(sources);
        PythonTool.Result result = PythonTool.run(flakes, dir, 120);
        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void thePackageRunsOnTheExampleDataAndItsTestsPass(@TempDir Path dir) throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "pytest", "yaml");
        Path root = dir.resolve("pkg");
        new PackageWriter().write(ExamplePlans.churn(),
            new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings(), Schedule.none), root, false);
        Files.copy(Path.of("examples/data/customers.csv"), root.resolve("data/customers.csv"));
        Map<String, String> env = Map.of("PYTHONPATH", "src", "MPLBACKEND", "Agg", "PYTHONDONTWRITEBYTECODE", "1");
        PythonTool.Result run = PythonTool.run(List.of(python, "-m", "churn_analysis"), root, env, 300);
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stderr()).contains("accuracy: ").contains("roc_auc: ").contains("rf: RandomForestClassifier")
            .contains("lr_auc: ").contains("churn_by_region: DataFrame of shape");
        assertThat(root.resolve("figures/churn_rate_by_region.png")).exists();
        assertThat(root.resolve("models/rf.joblib")).exists();
        assertThat(root.resolve("reports/churn_by_region.csv")).exists();

        PythonTool.Result override = PythonTool.run(List.of(python, "-m", "churn_analysis", "--set", "model.max_depth"),
            root, env, 120);
        assertThat(override.exitCode()).isEqualTo(2);
        assertThat(override.stderr()).contains("--set expects KEY=VALUE");

        PythonTool.Result missing = PythonTool.run(List.of(python, "-m", "churn_analysis", "--set",
            "features.test_size=null"), root, env, 120);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("missing configuration value 'features.test_size'").contains("config.yaml");

        // the first run records the snapshots (those tests skip), the second compares with them
        List<String> pytest = List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs");
        Map<String, String> testEnv = Map.of("MPLBACKEND", "Agg", "PYTHONDONTWRITEBYTECODE", "1");
        PythonTool.Result first = PythonTool.run(pytest, root, testEnv, 300);
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.stdout()).contains("recorded tests/golden/clean_data.json");
        PythonTool.Result second = PythonTool.run(pytest, root, testEnv, 300);
        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
        assertThat(second.stdout()).contains("passed").doesNotContain("recorded tests/golden").doesNotContain("failed");
    }
}

package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.extract.write.ExamplePlans;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.graph.AnalyzedNotebook;
import dev.nb2prod.graph.CellGraph;
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
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real extraction (planner and writer) of the bundled example: the whole generated tree byte for byte
 * (update with -Dnb2prod.updateGoldens=true and review the diff), and the package runs and passes its own tests.
 */
class ExampleExtractionTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/extract/example");

    private static ExtractionPlan plan(List<Finding> findings, AnalyzedNotebook analyzed, CellGraph graph) throws Exception {
        return new Planner().plan(analyzed, graph, findings, PlanOptions.DEFAULTS);
    }

    private static SortedMap<String, byte[]> render() throws Exception {
        AnalyzedNotebook analyzed = AnalyzedNotebook.of(new NotebookReader().read(ExamplePlans.CHURN_NOTEBOOK),
            new SonarPythonFrontEnd());
        CellGraph graph = new CellGraphBuilder().build(analyzed);
        List<Finding> findings = new Assessor(Rules.all(), AssessConfig.DEFAULTS).assess(analyzed, graph);
        return new PackageWriter().render(plan(findings, analyzed, graph),
            new PackageWriter.Source(ExamplePlans.CHURN_NOTEBOOK, findings));
    }

    @Test
    void theGeneratedTreeMatchesTheGoldenFiles() throws Exception {
        SortedMap<String, byte[]> files = render();
        assertThat(render()).as("byte-identical across runs").containsExactlyEntriesOf(files);
        StringBuilder listing = new StringBuilder();
        files.forEach((path, bytes) -> listing.append(path).append(' ').append(bytes.length).append('\n'));
        Goldens.check(GOLDEN.resolve("FILES.txt"), listing.toString());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (file.getKey().startsWith("tests/fixtures/")) {
                continue; // a copy of the example's data, compared by PackageWriterTest
            }
            Goldens.check(GOLDEN.resolve(file.getKey()), new String(file.getValue(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void thePackageRunsFromItsOwnFolderAndItsTestsPass(@TempDir Path dir) throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "pytest", "yaml");
        Path root = dir.resolve("pkg");
        for (Map.Entry<String, byte[]> file : render().entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        Files.createDirectories(root.resolve("data"));
        Files.copy(Path.of("examples/data/customers.csv"), root.resolve("data/customers.csv"));
        Map<String, String> env = Map.of("PYTHONPATH", "src", "MPLBACKEND", "Agg", "PYTHONDONTWRITEBYTECODE", "1");
        PythonTool.Result run = PythonTool.run(List.of(python, "-m", "churn_analysis"), root, env, 300);
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(root.resolve("reports/churn_by_region.csv")).exists();
        PythonTool.Result tests = PythonTool.run(List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider"), root,
            Map.of("MPLBACKEND", "Agg", "PYTHONDONTWRITEBYTECODE", "1"), 300);
        assertThat(tests.exitCode()).as(tests.stdout() + tests.stderr()).isZero();
    }
}

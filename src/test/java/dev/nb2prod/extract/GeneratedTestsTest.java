package dev.nb2prod.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.PythonTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests nb2prod generates, run on the example: snapshots recorded by {@code extract --record} (or on the first
 * run), compared afterwards, and a changed number in a stage module caught; the notebook's shown results compared
 * on its own data; the data contracts refusing a bad file.
 */
class GeneratedTestsTest {
    private static final Path NOTEBOOK = Path.of("examples/churn_analysis.ipynb");
    private static final Map<String, String> ENV = Map.of("MPLBACKEND", "Agg", "PYTHONDONTWRITEBYTECODE", "1");

    @Test
    void recordedSnapshotsCatchAChangedNumber(@TempDir Path dir) throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "pytest", "yaml");
        Path root = dir.resolve("pkg");
        Cli extract = Cli.run("extract", NOTEBOOK.toString(), "-o", root.toString(), "--record", "--python", python);
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        assertThat(extract.err()).contains("11 snapshots recorded in tests/golden/").doesNotContain("warning");
        try (Stream<Path> golden = Files.list(root.resolve("tests/golden"))) {
            assertThat(golden.map(p -> p.getFileName().toString())).contains("clean_data.json",
                "engineer_features.json", "train_rf.json");
        }
        PythonTool.Result clean = pytest(python, root);
        assertThat(clean.exitCode()).as(clean.stdout() + clean.stderr()).isZero();
        assertThat(clean.stdout()).doesNotContain("failed");

        Path features = root.resolve("src/churn_analysis/features.py");
        String code = Files.readString(features, StandardCharsets.UTF_8);
        assertThat(code).contains("df.tenure_months / 12");
        Files.writeString(features, code.replace("df.tenure_months / 12", "df.tenure_months / 24"));
        PythonTool.Result mutated = pytest(python, root);
        assertThat(mutated.exitCode()).isEqualTo(1);
        assertThat(mutated.stdout()).contains("FAILED tests/test_features.py::test_engineer_features_matches_snapshot")
            .contains("engineer_features.X.head[");
    }

    @Test
    void snapshotsAreRecordedOnTheFirstRunAndShownResultsCompareOnTheNotebookData(@TempDir Path dir)
        throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "pytest", "yaml");
        Path root = dir.resolve("pkg");
        assertThat(Cli.run("extract", NOTEBOOK.toString(), "-o", root.toString()).exitCode()).isZero();
        PythonTool.Result first = pytest(python, root);
        assertThat(first.exitCode()).as(first.stdout()).isZero();
        assertThat(first.stdout()).contains("skipped");
        assertThat(root.resolve("tests/golden/clean_data.json")).exists();
        PythonTool.Result second = pytest(python, root, "-rs");
        assertThat(second.exitCode()).as(second.stdout() + second.stderr()).isZero();
        assertThat(second.stdout()).doesNotContain("recorded tests/golden")
            .contains("needs the notebook's data");

        // the example ran out of order: the shown results are kept, with the reason they are skipped
        String pipelineTest = Files.readString(root.resolve("tests/test_pipeline.py"), StandardCharsets.UTF_8);
        assertThat(pipelineTest).contains("\"churn_by_region\": Shown(").contains("\"Central         47       18");
        // without the reason, they pass on the notebook's own data
        Files.writeString(root.resolve("tests/test_pipeline.py"), pipelineTest.replaceAll(
            "(?s)        skip=\\(\\n.*?\\n        \\),\\n", ""));
        Files.createDirectories(root.resolve("data"));
        Files.copy(Path.of("examples/data/customers.csv"), root.resolve("data/customers.csv"));
        PythonTool.Result onData = PythonTool.run(List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "tests/test_pipeline.py"), root, ENV, 600);
        assertThat(onData.exitCode()).as(onData.stdout()).isZero();
        assertThat(onData.stdout()).contains("5 passed");
    }

    @Test
    void contractsRefuseABadInputFileNamingTheColumn(@TempDir Path dir) throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "pytest", "yaml");
        Path root = dir.resolve("pkg");
        assertThat(Cli.run("extract", NOTEBOOK.toString(), "-o", root.toString()).exitCode()).isZero();
        Path data = Files.createDirectories(root.resolve("data")).resolve("customers.csv");
        String csv = Files.readString(Path.of("examples/data/customers.csv"), StandardCharsets.UTF_8);
        Files.writeString(data, csv.replaceFirst("\\n(C\\d+,[^,]*,[^,]*,[^,]*,)[^,]*,", "\n$1lots,"));
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.put("PYTHONPATH", "src");
        PythonTool.Result run = PythonTool.run(List.of(python, "-m", "churn_analysis"), root, env, 300);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("column 'monthly_charges' should hold numbers")
            .contains("(first: 'lots' in row 1)");
    }

    private static PythonTool.Result pytest(String python, Path root, String... extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(python, "-m", "pytest", "-q", "-p",
            "no:cacheprovider"));
        command.addAll(List.of(extra));
        return PythonTool.run(command, root, ENV, 600);
    }
}

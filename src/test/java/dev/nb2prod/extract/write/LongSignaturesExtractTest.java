package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.IpynbFiles;
import dev.nb2prod.testing.PythonTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a step that reads more than six values another step computes takes that step's NamedTuple whole,
 * and the package, its test fixtures and its Airflow file still run and give the notebook's file.
 */
class LongSignaturesExtractTest {
    @TempDir
    Path tmp;

    @Test
    void aStepReadingManyValuesOfOneEarlierStepTakesItsResultWhole() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n3,5\n4,4\n");
        Path nb = IpynbFiles.writeWithMarkdown(folder.resolve("stats.ipynb"),
            "# Stats",
            "import pandas as pd\ndf = pd.read_csv('data.csv')",
            "# Summary",
            "x_min = df.x.min()\nx_max = df.x.max()\nx_mean = df.x.mean()\ny_min = df.y.min()\n"
                + "y_max = df.y.max()\ny_mean = df.y.mean()\nn_rows = len(df)\nspread = x_max - x_min",
            "# Write",
            "summary = pd.DataFrame({'x': [x_min, x_max, x_mean, spread], 'y': [y_min, y_max, y_mean, n_rows]})\n"
                + "summary.to_csv('summary.csv', index=False)");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--orchestrator", "airflow");
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        String python = PythonTool.require("pandas", "pytest", "yaml", "pyflakes");
        Path script = Files.writeString(tmp.resolve("signatures.py"), """
            import ast, pathlib
            for path in sorted(pathlib.Path("src/stats").glob("*.py")):
                for node in ast.walk(ast.parse(path.read_text())):
                    if isinstance(node, ast.FunctionDef):
                        hints = [ast.unparse(a.annotation) if a.annotation else "" for a in node.args.args]
                        print(node.name, len(hints), " ".join(hints))
            """);
        PythonTool.Result signatures = PythonTool.run(List.of(python, script.toString()), out, 60);
        assertThat(signatures.exitCode()).as(signatures.stderr()).isZero();
        assertThat(signatures.stdout().lines()).allSatisfy(l -> assertThat(Integer.parseInt(l.split(" ")[1]))
            .as(l).isLessThanOrEqualTo(6));
        assertThat(signatures.stdout().lines().filter(l -> l.matches("\\w+ 1 \\w+Result"))).hasSize(1);
        assertThat(String.join("", Files.readAllLines(out.resolve("src/stats/training.py"))))
            .contains("    x_min = report_summary_result.x_min");
        PythonTool.Result flakes = PythonTool.run(List.of(python, "-m", "pyflakes", "src", "tests"), out, 120);
        assertThat(flakes.exitCode()).as(flakes.stdout() + flakes.stderr()).isZero();
        Files.copy(folder.resolve("data.csv"), out.resolve("data.csv"));
        Map<String, String> env = Map.of("PYTHONPATH", "src", "PYTHONDONTWRITEBYTECODE", "1");
        PythonTool.Result run = PythonTool.run(List.of(python, "-m", "stats"), out, env, 120);
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(Files.readString(out.resolve("summary.csv"))).isEqualTo("x,y\n1.0,2.0\n4.0,5.0\n2.6666666666666665,3.6666666666666665\n3.0,3.0\n");
        PythonTool.Result tests = PythonTool.run(List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider"), out,
            Map.of("PYTHONDONTWRITEBYTECODE", "1"), 120);
        assertThat(tests.exitCode()).as(tests.stdout() + tests.stderr()).isZero();
    }
}

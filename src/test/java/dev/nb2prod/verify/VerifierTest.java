package dev.nb2prod.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the hand-written toy notebook and package (in the layout nb2prod extract generates). */
class VerifierTest {
    @TempDir
    Path temp;

    @Test
    void theToyPackageIsEquivalentToItsNotebook() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path notebook = copyToy().resolve("notebook/toy_sales.ipynb");
        List<String> packageBefore = everything(temp.resolve("toy/package"));
        Path tempParent = Files.createDirectories(temp.resolve("system-tmp"));
        VerificationReport report = new Verifier(options(python), Map.of(), tempParent)
            .verify(notebook, temp.resolve("toy/package"));
        assertThat(report.equivalent()).as(report.toString()).isTrue();
        // nothing of verify's own survives: its temporary folder is gone and the package is as it was
        assertThat(tempParent).isEmptyDirectory();
        assertThat(everything(temp.resolve("toy/package"))).isEqualTo(packageBefore);
        assertThat(report.artifacts()).extracting(ArtifactResult::name)
            .containsExactly("X", "model", "score", "y", "file:outputs/summary.csv");
        assertThat(report.artifact("model").orElseThrow().detail()).isEqualTo("same parameters and predictions on X");
        assertThat(report.notes()).containsExactly(
            "summary_path: returned by the package but not a value of the notebook; not compared");
        // the notebook's folder holds what it held plus what the notebook itself writes, nothing else
        assertThat(files(notebook.getParent()))
            .containsExactly("data/sales.csv", "outputs/summary.csv", "toy_sales.ipynb");
        assertThat(files(temp.resolve("toy/package"))).noneMatch(f -> f.contains("__pycache__"));
    }

    @Test
    void theScriptRunnerGivesTheSameVerdict() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path notebook = copyToy().resolve("notebook/toy_sales.ipynb");
        VerificationReport report = new Verifier(options(python), Map.of("NB2PROD_VERIFY_RUNNER", "script"))
            .verify(notebook, temp.resolve("toy/package"));
        assertThat(report.notebookRunner()).isEqualTo("script");
        assertThat(report.equivalent()).as(report.toString()).isTrue();
    }

    @Test
    void aBrokenPackageIsNotEquivalentAndTheCommandNamesTheArtifacts() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path toy = copyToy();
        Path config = toy.resolve("package/config.yaml");
        Files.writeString(config, Files.readString(config).replace("min_units: 0", "min_units: 5"));
        Cli cli = Cli.run("verify", toy.resolve("notebook/toy_sales.ipynb").toString(), toy.resolve("package").toString(),
            "--python", python);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out()).containsPattern("(?m)^  X +different: shape \\(\\d+, 2\\) vs \\(\\d+, 2\\)$")
            .containsPattern("(?m)^  score +different: 0\\.\\d+ vs 0\\.\\d+$")
            .containsPattern("(?m)^  model +different: ")
            .containsPattern("(?m)^  file:outputs/summary.csv +different: line 2: ")
            .contains("not equivalent (5 different, 0 missing, of 5)");
    }

    @Test
    void theCommandPrintsATableAndEquivalent() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path toy = copyToy();
        Cli cli = Cli.run("verify", toy.resolve("notebook/toy_sales.ipynb").toString(), toy.resolve("package").toString(),
            "--python", python, "--tolerance", "1e-9", "--timeout", "300");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("  score                     same\n")
            .contains("  model                     same (same parameters and predictions on X)\n")
            .endsWith("equivalent (5 artifacts)\n");
    }

    @Test
    void aValueThatDiffersBetweenTwoRunsOfTheNotebookItselfIsNotReproducibleRatherThanDifferent() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path toy = copyToy();
        Path notebook = toy.resolve("notebook/toy_sales.ipynb");
        String text = Files.readString(notebook);
        assertThat(text).contains("score = model.score(X, y)\\n");
        Files.writeString(notebook, text.replace("score = model.score(X, y)\\n",
            "score = model.score(X, y) + __import__('random').random()\\n"));
        Cli cli = Cli.run("verify", notebook.toString(), toy.resolve("package").toString(), "--python", python);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out())
            .containsPattern("(?m)^  score +not reproducible: two runs of the notebook itself differ: ")
            .containsPattern("(?m)^  X +same$")
            .contains("  hint: two runs of the notebook itself give different values")
            .contains("not equivalent (0 different, 0 missing, 1 not reproducible by the notebook itself, of 5)");
    }

    @Test
    void aPackageThatFailsIsNotEquivalent() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path toy = copyToy();
        Path pipeline = toy.resolve("package/src/toy_sales/pipeline.py");
        Files.writeString(pipeline, Files.readString(pipeline).replace("df.units * df.price", "df.units * df.cost"));
        VerificationReport report = new Verifier(options(python)).verify(toy.resolve("notebook/toy_sales.ipynb"),
            toy.resolve("package"));
        assertThat(report.equivalent()).isFalse();
        assertThat(report.packageFailure()).hasValueSatisfying(failure -> assertThat(failure)
            .startsWith("run_pipeline (src/toy_sales/pipeline.py:")
            .endsWith("AttributeError: 'DataFrame' object has no attribute 'cost'"));
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        String python = PythonTool.require("pandas", "yaml");
        Path folder = Files.createDirectories(temp.resolve("loop"));
        Path notebook = notebook(folder, "import os\nopen('pid.txt', 'w').write(str(os.getpid()))", "while True:\n    pass");
        Path pkg = copyToy().resolve("package");
        long start = System.nanoTime();
        Cli cli = Cli.run("verify", notebook.toString(), pkg.toString(), "--python", python, "--timeout", "5");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: running the notebook took longer than 5s (--timeout); it was stopped\n");
        long pid = Long.parseLong(Files.readString(folder.resolve("pid.txt")).strip());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isRunning(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(isRunning(pid)).as("the looping process " + pid + " still runs").isFalse();
    }

    @Test
    void aMissingInterpreterIsAUsageError() throws IOException {
        Path toy = copyToy();
        Cli cli = Cli.run("verify", toy.resolve("notebook/toy_sales.ipynb").toString(), toy.resolve("package").toString(),
            "--python", temp.resolve("no-such-python3").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: " + temp.resolve("no-such-python3") + " not found; pass --python\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aModuleTheInterpreterLacksIsNamed() throws Exception {
        String python = PythonTool.require("yaml");
        Path folder = Files.createDirectories(temp.resolve("needs"));
        Path notebook = notebook(folder, "import json\nimport nb2prod_no_such_module.sub as m", "x = 1.5");
        Cli cli = Cli.run("verify", notebook.toString(), copyToy().resolve("package").toString(), "--python", python);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: the notebook needs nb2prod_no_such_module, which " + python
            + " cannot import\n");
    }

    @Test
    void aNotebookThatFailsIsAnInputError() throws Exception {
        String python = PythonTool.require("yaml");
        Path folder = Files.createDirectories(temp.resolve("fails"));
        Path notebook = notebook(folder, "x = 1", "y = {}\nz = y['missing']");
        Path tempParent = Files.createDirectories(temp.resolve("system-tmp"));
        assertThatThrownBy(() -> new Verifier(options(python), Map.of("NB2PROD_VERIFY_RUNNER", "script"), tempParent)
            .verify(notebook, copyToy().resolve("package")))
            .isInstanceOf(VerificationException.class)
            .hasMessage("the notebook does not run top to bottom (cell 2, line 2): KeyError: 'missing'");
        assertThat(tempParent).as("removed after a failure too").isEmptyDirectory();
    }

    @Test
    void aFolderThatIsNotAPackageIsRefusedBeforeRunningAnything() throws Exception {
        Path toy = copyToy();
        Cli cli = Cli.run("verify", toy.resolve("notebook/toy_sales.ipynb").toString(), toy.resolve("notebook").toString(),
            "--python", temp.resolve("no-such-python3").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: " + toy.resolve("notebook") + ": not a generated package (no config.yaml)\n");
    }

    @Test
    void figureNamesAndPrivateNamesAreNotCaptured() {
        assertThat(Stream.of("fig", "fig2", "ax", "axes", "ax_hist", "axs", "axis", "figsize", "X", "model")
            .filter(n -> TerminalNames.isCaptured(n)).toList()).containsExactly("axis", "figsize", "X", "model");
        assertThat(TerminalNames.isCaptured("_tmp")).isFalse();
    }

    /** Alive and not a zombie waiting to be reaped. */
    private static boolean isRunning(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(Path.of("/proc/self/stat"))) {
            try {
                String text = Files.readString(stat);
                return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static VerifyOptions options(String python) {
        return VerifyOptions.defaults().withPython(python).withTimeout(Duration.ofSeconds(300));
    }

    private Path copyToy() throws IOException {
        Path source;
        try {
            source = Path.of(getClass().getResource("/verify/toy").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path target = temp.resolve("toy");
        if (Files.exists(target)) {
            return target;
        }
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                try {
                    Files.copy(path, target.resolve(source.relativize(path).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return target;
    }

    private static Path notebook(Path folder, String... cells) throws IOException {
        StringBuilder json = new StringBuilder("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {\"kernelspec\": "
            + "{\"name\": \"python3\", \"language\": \"python\", \"display_name\": \"Python 3\"}}, \"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], ")
                .append("\"execution_count\": null, \"source\": ")
                .append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(cells[i])).append("}");
        }
        Path file = folder.resolve("nb.ipynb");
        Files.writeString(file, json.append("]}").toString(), StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                .sorted().toList();
        }
    }

    /** Every file and folder under root (folders too: an empty folder left behind counts). */
    private static List<String> everything(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}

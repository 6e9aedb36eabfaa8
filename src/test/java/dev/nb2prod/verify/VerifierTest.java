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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(report.basis()).isEqualTo(VerificationReport.Basis.RESULTS_FILE);
        // nothing of verify's own survives: its temporary folder is gone and the package is as it was
        assertThat(tempParent).isEmptyDirectory();
        assertThat(everything(temp.resolve("toy/package"))).isEqualTo(packageBefore);
        assertThat(report.artifacts()).extracting(ArtifactResult::name)
            .containsExactly("head", "X", "y", "model", "score", "summary_path", "revenue_figure");
        assertThat(report.artifacts()).extracting(ArtifactResult::status).containsOnly(ArtifactResult.Status.SAME);
        assertThat(report.artifact("model").orElseThrow().detail()).isEqualTo("same parameters and predictions on X");
        assertThat(report.artifact("summary_path").orElseThrow().detail()).isEqualTo("outputs/summary.csv");
        assertThat(report.artifact("revenue_figure").orElseThrow().detail())
            .isEqualTo("cell 7 shows 1 image; the package saved figures/revenue.png, drawing the same data and texts");
        assertThat(report.summary().line()).isEqualTo("compared 6 of 6 results, 1 of 1 figure");
        assertThat(report.notes()).isEmpty();
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
        assertThat(report.summary().line()).isEqualTo("compared 6 of 6 results, 1 of 1 figure");
    }

    @Test
    void aBrokenPackageIsNotEquivalentAndTheCommandNamesTheResults() throws Exception {
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
            .containsPattern("(?m)^  summary_path +different: line 2: ")
            .containsPattern("(?m)^  head +same$")
            .containsPattern("(?m)^  revenue_figure +different: figure 1, axes 1 \\(patches vertices abs\\): ")
            .contains("\n  compared 6 of 6 results, 1 of 1 figure\n")
            .contains("not equivalent (6 different, 0 missing, of 7)");
    }

    @Test
    void theCommandPrintsATableAndEquivalent() throws Exception {
        String python = PythonTool.require("pandas", "sklearn", "matplotlib", "yaml");
        Path toy = copyToy();
        Cli cli = Cli.run("verify", toy.resolve("notebook/toy_sales.ipynb").toString(), toy.resolve("package").toString(),
            "--python", python, "--tolerance", "1e-9", "--timeout", "300");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("  score           same\n")
            .contains("  model           same (same parameters and predictions on X)\n")
            .endsWith("  compared 6 of 6 results, 1 of 1 figure\nequivalent\n");
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
            .contains("not equivalent (0 different, 0 missing, 1 not reproducible by the notebook itself, of 7)");
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
        Path pkg = toyPackageWithoutResults();
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
        Cli cli = Cli.run("verify", notebook.toString(), toyPackageWithoutResults().toString(), "--python", python);
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
            .verify(notebook, toyPackageWithoutResults()))
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

    // ------------------------------------------------------------- results of nb2prod.json, tiny packages

    @Test
    void aResultThePackageDoesNotReturnIsMissingAndNotEquivalent() throws Exception {
        String python = PythonTool.require("yaml");
        Path folder = Files.createDirectories(temp.resolve("missing"));
        Path notebook = notebook(folder, "a = 1.5", "b = a * 2");
        Path pkg = tinyPackage(folder, "return {'a': 1.5}",
            result("a", "metric", 0, "a"), result("b", "metric", 1, "b"));
        VerificationReport report = scriptVerifier(python).verify(notebook, pkg);
        assertThat(report.artifact("a").orElseThrow().status()).isEqualTo(ArtifactResult.Status.SAME);
        assertThat(report.artifact("b").orElseThrow())
            .isEqualTo(new ArtifactResult("b", ArtifactResult.Kind.METRIC, ArtifactResult.Status.MISSING,
                "the package does not return it"));
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.NOT_EQUIVALENT);
        assertThat(report.summary().line()).isEqualTo("compared 1 of 2 results");
    }

    @Test
    void anEstimatorOnlyComparableByItsParametersIsInconclusive() throws Exception {
        String python = PythonTool.require("sklearn", "yaml", "nbclient");
        Path folder = Files.createDirectories(temp.resolve("params"));
        Path notebook = notebook(folder, "import numpy as np\nfrom sklearn.linear_model import LogisticRegression\n"
            + "X_test = np.zeros((3, 2))\nmodel = LogisticRegression(C=0.5)");
        Path pkg = tinyPackage(folder, "from sklearn.linear_model import LogisticRegression\n"
            + "return {'model': LogisticRegression(C=0.5)}", result("model", "model", 0, "model"));
        Cli cli = Cli.run("verify", notebook.toString(), pkg.toString(), "--python", python);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.out())
            .contains("\n  model  weak: parameters only (predict on X_test failed: NotFittedError)\n")
            .contains("\n  compared 1 of 1 result (0 strongly, 1 weakly)\n")
            .endsWith("\ninconclusive: every comparison is weak (by type, parameters or existence only); verify proves "
                + "little for it\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nbclient", "script"})
    void aResultIsCapturedRightAfterItsCellThoughLaterCellsChangeIt(String runner) throws Exception {
        String python = PythonTool.require("yaml", "nbclient");
        Path folder = Files.createDirectories(temp.resolve("at-cell-" + runner));
        Path notebook = notebook(folder, "x = [1, 2]", "x", "x.append(3)\nshown_then = list(_)", "x = 'changed'\nx");
        Path pkg = tinyPackage(folder,
            "return {'x_first': [1, 2], 'shown': [1, 2], 'shown_then': [1, 2, 3], 'x_last': 'changed'}",
            result("x_first", "displayed", 0, "x"), result("shown", "displayed", 1, ""),
            result("shown_then", "metric", 2, "shown_then"), result("x_last", "displayed", 3, ""));
        VerificationReport report = new Verifier(options(python), runnerEnvironment(runner)).verify(notebook, pkg);
        assertThat(report.notebookRunner()).isEqualTo(runner);
        // x as cell 1 left it and the list cell 2 displayed, though cell 3 appends to it and cell 4 rebinds x; the
        // capture leaves IPython's _ alone, so cell 3 still reads the list cell 2 displayed
        assertThat(report.artifacts()).as(report.toString()).extracting(ArtifactResult::status)
            .containsOnly(ArtifactResult.Status.SAME);
        assertThat(report.artifacts()).extracting(ArtifactResult::name)
            .containsExactly("x_first", "shown", "shown_then", "x_last");
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.EQUIVALENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nbclient", "script"})
    void figuresAreCountedAndTheNotebookMustShowAnImageInTheirCell(String runner) throws Exception {
        String python = PythonTool.require("matplotlib", "yaml", "nbclient");
        Path folder = Files.createDirectories(temp.resolve("figures-" + runner));
        Path notebook = notebook(folder, "import matplotlib.pyplot as plt", "plt.plot([1, 2, 3])\nplt.title('line')",
            "total = 6");
        Path pkg = tinyPackage(folder, String.join("\n",
                "import matplotlib.pyplot as plt",
                "paths = {}",
                "for name in ('line', 'blank'):",
                "    plt.plot([1, 2, 3])",
                "    plt.title(name)",
                "    path = os.path.join(config['output_root'], 'figures', name + '.png')",
                "    os.makedirs(os.path.dirname(path), exist_ok=True)",
                "    plt.savefig(path)",
                "    plt.close('all')",
                "    paths[name] = path",
                "return {'line_figure': paths['line'], 'blank_figure': paths['blank'], 'total': 6}"),
            result("line_figure", "figure", 1, ""), result("blank_figure", "figure", 2, ""),
            result("total", "metric", 2, "total"));
        VerificationReport report = new Verifier(options(python), runnerEnvironment(runner)).verify(notebook, pkg);
        assertThat(report.artifact("line_figure").orElseThrow().detail()).as(report.toString())
            .isEqualTo("cell 2 shows 1 image; the package saved figures/line.png, drawing the same data and texts");
        assertThat(report.artifact("line_figure").orElseThrow().status()).isEqualTo(ArtifactResult.Status.SAME);
        assertThat(report.artifact("blank_figure").orElseThrow())
            .isEqualTo(new ArtifactResult("blank_figure", ArtifactResult.Kind.FIGURE, ArtifactResult.Status.DIFFERENT,
                "cell 3 of the notebook shows no image (the package saved figures/blank.png)"));
        assertThat(report.summary().line()).isEqualTo("compared 1 of 1 result, 2 of 2 figures");
        // the package's figures are results, not files the notebook fails to write
        assertThat(report.artifacts()).extracting(ArtifactResult::kind).doesNotContain(ArtifactResult.Kind.WRITTEN_FILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nbclient", "script"})
    void aFigureIsComparedByWhatItDrawsWhateverItsSizeAndStyle(String runner) throws Exception {
        String python = PythonTool.require("matplotlib", "yaml", "nbclient");
        Path folder = Files.createDirectories(temp.resolve("drawn-" + runner));
        Path notebook = notebook(folder, "import matplotlib.pyplot as plt",
            "fig, ax = plt.subplots(figsize=(4, 3))\nax.bar(['a', 'b'], [3, 4])\nax.set_xlabel('group')\nplt.show()",
            "plt.plot([1, 2, 3], [2, 4, 6])\nplt.legend(['y'])");
        Path pkg = tinyPackage(folder, String.join("\n",
                "import matplotlib.pyplot as plt",
                "folder = os.path.join(config['output_root'], 'figures')",
                "os.makedirs(folder, exist_ok=True)",
                "plt.style.use('ggplot')",
                "fig, ax = plt.subplots(figsize=(8, 6))",
                "ax.bar(['a', 'b'], [3, 4])",
                "ax.set_xlabel('group')",
                "fig.savefig(os.path.join(folder, 'bars.png'), dpi=50)",
                "plt.close('all')",
                "plt.plot([1, 2, 3], [2, 4, 7])",
                "plt.legend(['y'])",
                "plt.savefig(os.path.join(folder, 'line.png'))",
                "plt.close('all')",
                "return {'bars_figure': os.path.join(folder, 'bars.png'), 'line_figure': os.path.join(folder, 'line.png')}"),
            result("bars_figure", "figure", 1, ""), result("line_figure", "figure", 2, ""));
        VerificationReport report = new Verifier(options(python), runnerEnvironment(runner)).verify(notebook, pkg);
        assertThat(report.artifact("bars_figure").orElseThrow().status()).as(report.toString())
            .isEqualTo(ArtifactResult.Status.SAME);
        // the last point of the line: 6 in the notebook, 7 in the package (x and y interleaved: the sixth number)
        assertThat(report.artifact("line_figure").orElseThrow())
            .isEqualTo(new ArtifactResult("line_figure", ArtifactResult.Kind.FIGURE, ArtifactResult.Status.DIFFERENT,
                "figure 1, axes 1, line 1 (abs): 18.0 vs 19.0"));
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.NOT_EQUIVALENT);
    }

    @Test
    void aFigureTheNotebookItselfDrawsDifferentlyEachRunIsOnlyWeaklyCompared() throws Exception {
        String python = PythonTool.require("matplotlib", "numpy", "yaml");
        Path folder = Files.createDirectories(temp.resolve("jitter"));
        Path notebook = notebook(folder, "import matplotlib.pyplot as plt\nimport numpy as np",
            "plt.scatter(np.random.rand(5), np.random.rand(5))", "total = 6");
        Path pkg = tinyPackage(folder, String.join("\n",
                "import matplotlib.pyplot as plt",
                "import numpy as np",
                "path = os.path.join(config['output_root'], 'figures', 'points.png')",
                "os.makedirs(os.path.dirname(path), exist_ok=True)",
                "plt.scatter(np.random.rand(5), np.random.rand(5))",
                "plt.savefig(path)",
                "plt.close('all')",
                "return {'points_figure': path, 'total': 6}"),
            result("points_figure", "figure", 1, ""), result("total", "metric", 2, "total"));
        VerificationReport report = scriptVerifier(python).verify(notebook, pkg);
        ArtifactResult points = report.artifact("points_figure").orElseThrow();
        assertThat(points.status()).as(report.toString()).isEqualTo(ArtifactResult.Status.WEAK);
        assertThat(points.detail()).startsWith("two runs of the notebook itself draw different data (figure 1, axes 1, "
            + "collection 1").endsWith("): compared by existence");
        // the metric still makes the verdict
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.EQUIVALENT);
    }

    @Test
    void aFileTheNotebookRemovesInALaterCellIsComparedAsItWasWritten() throws Exception {
        String python = PythonTool.require("yaml");
        Path folder = Files.createDirectories(temp.resolve("cleanup"));
        Path notebook = notebook(folder, "with open('summary.txt', 'w') as handle:\n    handle.write('total 6\\n')",
            "import os\nos.remove('summary.txt')");
        String written = String.join("\n",
            "path = os.path.join(config['output_root'], 'summary.txt')",
            "os.makedirs(os.path.dirname(path), exist_ok=True)",
            "with open(path, 'w') as handle:",
            "    handle.write('total %d\\n' % TOTAL)",
            "return {'summary_path': path}");
        VerificationReport same = scriptVerifier(python).verify(notebook,
            tinyPackage(folder, written.replace("TOTAL", "6"), result("summary_path", "file", 0, "")));
        assertThat(same.artifact("summary_path").orElseThrow().detail()).as(same.toString())
            .isEqualTo("summary.txt, as written before a later cell removes it");
        assertThat(same.verdict()).isEqualTo(VerificationReport.Verdict.EQUIVALENT);
        VerificationReport other = scriptVerifier(python).verify(notebook,
            tinyPackage(folder, written.replace("TOTAL", "7"), result("summary_path", "file", 0, "")));
        assertThat(other.artifact("summary_path").orElseThrow().status()).as(other.toString())
            .isEqualTo(ArtifactResult.Status.DIFFERENT);
    }

    @Test
    void aPackageWithoutResultsFileIsComparedWithTheResultsNb2prodPlansForTheNotebook() throws Exception {
        String python = PythonTool.require("pandas", "yaml");
        Path folder = Files.createDirectories(temp.resolve("planned"));
        Path notebook = notebook(folder, "import pandas as pd", "df = pd.DataFrame({'a': [1, 2, 3]})",
            "total = df['a'].sum()\ntotal");
        Path pkg = tinyPackage(folder, "return {'total': 6}");
        VerificationReport report = scriptVerifier(python).verify(notebook, pkg);
        assertThat(report.basis()).isEqualTo(VerificationReport.Basis.PLANNED);
        assertThat(report.notes()).startsWith(
            "the package has no nb2prod.json: compared the results nb2prod plans for the notebook today (1 result)");
        assertThat(report.artifacts()).containsExactly(
            new ArtifactResult("total", ArtifactResult.Kind.DISPLAYED, ArtifactResult.Status.SAME, ""));
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.EQUIVALENT);
    }

    @Test
    void aNotebookNb2prodCannotPlanIsComparedByItsTerminalValues() throws Exception {
        String python = PythonTool.require("yaml");
        Path folder = Files.createDirectories(temp.resolve("terminals"));
        Path notebook = notebook(folder, "x = 1.5\ny = x * 2");
        Path pkg = tinyPackage(folder, "return {'y': 3.0}");
        VerificationReport report = scriptVerifier(python).verify(notebook, pkg);
        assertThat(report.basis()).isEqualTo(VerificationReport.Basis.TERMINAL_VALUES);
        assertThat(report.notes()).first().asString().startsWith("the package has no nb2prod.json and nb2prod cannot "
            + "plan the notebook (nothing to extract: ").endsWith("): compared its terminal values by variable name");
        assertThat(report.artifacts()).containsExactly(
            new ArtifactResult("y", ArtifactResult.Kind.VALUE, ArtifactResult.Status.SAME, ""));
        assertThat(report.verdict()).isEqualTo(VerificationReport.Verdict.EQUIVALENT);
    }

    @Test
    void aResultsFileThatDoesNotFitTheNotebookIsRefusedBeforeRunningAnything() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("bad-results"));
        Path notebook = notebook(folder, "a = 1.5");
        Path pkg = tinyPackage(folder, "return {'a': 1.5}", result("a", "metric", 3, "a"));
        Cli cli = Cli.run("verify", notebook.toString(), pkg.toString(), "--python",
            temp.resolve("no-such-python3").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: " + pkg.resolve("nb2prod.json")
            + ": result 1 (a) names cell 3, but the notebook has 1 cells\n");
        Files.writeString(pkg.resolve("nb2prod.json"), "{\"results\": [{\"name\": \"a\", \"kind\": \"chart\", "
            + "\"cell\": 0}]}");
        cli = Cli.run("verify", notebook.toString(), pkg.toString(), "--python", temp.resolve("no-such-python3").toString());
        assertThat(cli.err()).isEqualTo("nb2prod: " + pkg.resolve("nb2prod.json")
            + ": result 1 (a) has an unknown kind \"chart\"\n");
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

    private static Verifier scriptVerifier(String python) {
        return new Verifier(options(python), runnerEnvironment("script"));
    }

    private static Map<String, String> runnerEnvironment(String runner) {
        return runner.equals("script") ? Map.of("NB2PROD_VERIFY_RUNNER", "script") : Map.of();
    }

    private static Map<String, Object> result(String name, String kind, int cell, String source) {
        return Map.of("name", name, "kind", kind, "cell", cell, "source", source, "file", "");
    }

    /**
     * A hand-written package in the layout nb2prod extract generates, next to the notebook's folder: config.yaml
     * with data_root and output_root, {@code tiny.config.load_config} taking {@code key=value} overrides, and
     * {@code tiny.pipeline.run_pipeline(config)} with the given body (os is imported). With results, an nb2prod.json.
     */
    @SafeVarargs
    private static Path tinyPackage(Path folder, String body, Map<String, Object>... results) throws IOException {
        Path root = folder.resolveSibling(folder.getFileName() + "-package");
        Path src = Files.createDirectories(root.resolve("src/tiny"));
        Files.writeString(root.resolve("config.yaml"), "data_root: .\noutput_root: out\n");
        Files.writeString(src.resolve("__init__.py"), "");
        Files.writeString(src.resolve("config.py"), String.join("\n",
            "import os",
            "import yaml",
            "",
            "",
            "def load_config(path, overrides=()):",
            "    with open(path, encoding='utf-8') as handle:",
            "        config = yaml.safe_load(handle) or {}",
            "    for item in overrides:",
            "        key, _, value = item.partition('=')",
            "        config[key] = yaml.safe_load(value)",
            "    base = os.path.dirname(os.path.abspath(path))",
            "    for root in ('data_root', 'output_root'):",
            "        config[root] = os.path.join(base, config[root])",
            "    return config",
            ""));
        Files.writeString(src.resolve("pipeline.py"), "import os\n\n\ndef run_pipeline(config):\n"
            + body.lines().map(line -> "    " + line + "\n").collect(java.util.stream.Collectors.joining()));
        if (results.length > 0) {
            new com.fasterxml.jackson.databind.ObjectMapper().writeValue(root.resolve("nb2prod.json").toFile(),
                Map.of("notebook", "nb.ipynb", "results", List.of(results)));
        }
        return root;
    }

    private Path toyPackageWithoutResults() throws IOException {
        Path pkg = copyToy().resolve("package");
        Files.deleteIfExists(pkg.resolve("nb2prod.json"));
        return pkg;
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

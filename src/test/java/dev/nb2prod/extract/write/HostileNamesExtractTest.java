package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.IpynbFiles;
import dev.nb2prod.testing.PythonTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: {@code nb2prod extract} on notebooks whose file names, headings, variable names and data paths are
 * hostile. Every written path stays inside the output folder, no file or folder has a name Windows reserves, and
 * the package compiles and is pyflakes-clean.
 */
class HostileNamesExtractTest {
    @TempDir
    Path tmp;

    static Path notebook(Path file, String... cells) {
        return IpynbFiles.writeWithMarkdown(file, cells);
    }

    private static final String[] SIMPLE = {
        "# Sales",
        "import os\nimport pandas as pd",
        "# Load",
        "df = pd.read_csv('data.csv')\nthreshold = 0.5",
        "# Filter",
        "df = df[df['x'] > threshold]",
        "# Write",
        "os.makedirs('out', exist_ok=True)\ndf.to_csv(os.path.join('out', 'result.csv'))",
    };

    @ParameterizedTest
    @ValueSource(strings = {"con.ipynb", "nul.ipynb", "CON.IPYNB", "Aux.ipynb", "com1.ipynb", "lpt9.ipynb",
        "class.ipynb", "import.ipynb", "1-My Notebook (final).ipynb", "ñandú-análisis.ipynb", "__init__.ipynb",
        "test.ipynb", "-rf.ipynb", "..ipynb", "pandas.ipynb", "os.ipynb", "yaml.ipynb", "pytest.ipynb",
        "test_pipeline.ipynb", "conftest.ipynb", "日本語.ipynb", "print.ipynb", "async.ipynb", "sys.ipynb",
        "x.ipynb.ipynb", "a b\tc.ipynb", "..ipynb.ipynb", "LPT1.txt.ipynb",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.ipynb"})
    void hostileNotebookFileNamesGiveASafeCompilingPackage(String name) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n0.1,3\n");
        Path nb = notebook(folder.resolve(name), SIMPLE);
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> written = checkTree(out);
        String pkg = written.stream().filter(p -> p.startsWith("src/") && p.endsWith("/__init__.py"))
            .map(p -> p.substring(4, p.length() - "/__init__.py".length())).findFirst().orElseThrow();
        assertThat(pkg).as("package of %s", name).matches("[a-z][a-z0-9_]*")
            .isNotIn("pandas", "os", "yaml", "pytest", "test", "sys", "conftest", "test_pipeline", "class",
                "import", "print", "async", "con", "nul", "aux", "com1", "lpt9");
        assertThat(written).contains("tests/fixtures/data.csv");
        assertCompiles(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "/tmp/evil", "con", "NUL", "class", "pandas", "", "日本語", "a.b.c",
        "tests", "-rf"})
    void hostilePackageOptionsAreSanitisedToo(String name) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("fine.ipynb"), SIMPLE);
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--package", name,
            "--orchestrator", "prefect");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> written = checkTree(out);
        assertThat(written).filteredOn(p -> p.startsWith("pipelines/")).hasSize(1);
        assertThat(Path.of("/tmp/evil")).doesNotExist();
        assertThat(tmp.resolve("evil")).doesNotExist();
        assertCompiles(out);
    }

    @Test
    void hostileHeadingsVariablesAndDataPathsStayInsideAndCompile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in/deep"));
        Files.writeString(folder.resolve("con.csv"), "x,y\n1,2\n");
        Files.writeString(folder.resolve("passwd"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("analysis.ipynb"),
            "# Analysis",
            "import pandas as pd",
            "# ../../etc/passwd",
            "raw = pd.read_csv('../../etc/passwd')",
            "# /tmp/x",
            "other = pd.read_csv('/abs/path.csv')",
            "# CON",
            "con = pd.read_csv('con.csv')",
            "# class",
            "café = 0.25\nmerged = pd.concat([raw, other, con])",
            "# 1st step",
            "merged = merged[merged['x'] > café]",
            "# 日本語",
            "print('fine')",
            "#",
            "a_very_long_variable_name_" + "x".repeat(250) + " = merged['x'].sum()",
            "# " + "word ".repeat(60),
            "total = " + "a_very_long_variable_name_" + "x".repeat(250) + " * 2",
            "# class",
            "match = total + 1",
            "# class",
            "merged['m'] = match\nmerged.to_csv('../../out/../result.csv')\nmerged.to_csv('/tmp/nb2prod-hostile-out.csv')");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--keep-exploratory");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> written = checkTree(out);
        // con.csv is copied under a name Windows allows; the tests read it under that name
        assertThat(written).filteredOn(p -> p.startsWith("tests/fixtures/")).contains("tests/fixtures/con_.csv");
        assertThat(Files.readString(out.resolve("tests/conftest.py"))).contains("con_.csv");
        String code = Files.readString(out.resolve("src/analysis/preprocessing.py"));
        assertThat(code).contains("café").contains("a_very_long_variable_name_");
        assertCompiles(out);
        assertThat(Path.of("/tmp/nb2prod-hostile-out.csv")).doesNotExist();
    }

    @Test
    void dataFilesWhoseNamesDifferOnlyInCaseGetTwoFixtures() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("Data.csv"), "x,y\n1,2\n");
        Files.createDirectories(folder.resolve("raw"));
        Files.writeString(folder.resolve("raw/data.csv"), "x,z\n1,3\n");
        Files.writeString(folder.resolve("nul.csv"), "x,w\n1,4\n");
        Path nb = notebook(folder.resolve("case.ipynb"), "# Case", "import pandas as pd",
            "# Load", "a = pd.read_csv('Data.csv')\nb = pd.read_csv('raw/data.csv')\nc = pd.read_csv('nul.csv')",
            "# Merge", "m = a.merge(b, on='x').merge(c, on='x')", "# Out", "m.to_csv('out.csv')");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> fixtures = checkTree(out).stream().filter(p -> p.startsWith("tests/fixtures/")).toList();
        assertThat(fixtures).hasSize(3).contains("tests/fixtures/Data.csv", "tests/fixtures/nul_.csv");
        assertThat(fixtures.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).distinct()).hasSize(3);
        assertCompiles(out);
    }

    @Test
    void aDataFileLinkedFromOutsideTheNotebookFolderIsNotCopied() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.csv"), "x,y\n42,43\n");
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.createSymbolicLink(folder.resolve("data.csv"), secret);
        Files.createDirectories(folder.resolve("data"));
        Files.createSymbolicLink(folder.resolve("data/raw"), tmp);
        Path nb = notebook(folder.resolve("linked.ipynb"), SIMPLE);
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> written = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(p -> written.add(out.relativize(p).toString()));
        }
        assertThat(written).noneMatch(p -> p.startsWith("tests/fixtures/"));
        for (String p : written) {
            assertThat(Files.readString(out.resolve(p), StandardCharsets.ISO_8859_1)).as(p).doesNotContain("42,43");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"print \"python 2\"", "exec \"y = 1\"\ndf['y'] = y", "async = 3\ndf['z'] = df['x'] * async",
        "def async(x):\n    return x\ndf['z'] = async(df['x'])"})
    void codeThatCannotBecomePython3IsRefusedInOneLineAndNothingIsWritten(String cell) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("old.ipynb"), "# Old", "import pandas as pd\ndf = pd.read_csv('data.csv')",
            "# Step", cell, "# Out", "df.to_csv('out.csv')");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--keep-exploratory");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).startsWith("nb2prod: cannot extract " + nb + ": cell 4 ").endsWith("\n")
            .hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"config", "config_path", "output_path"})
    void aValueNamedLikeThePipelinesOwnNamesIsRefusedInOneLine(String name) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("cfg.ipynb"), "# Cfg", "import pandas as pd\ndf = pd.read_csv('data.csv')",
            "# Settings", name + " = {'factor': 3}", "# Scale", "df['z'] = df['x'] * " + name + "['factor']",
            "# Out", "df.to_csv('out.csv')");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).startsWith("nb2prod: cannot extract " + nb + ": cell 4 defines " + name + ", a name the "
            + "generated pipeline uses").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void valuesNamedLikeModulesAndHelpersStillCompile() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("names.ipynb"), "# Names",
            "import pandas as pd\nimport logging\ndf = pd.read_csv('data.csv')", "# Setup",
            "logger = logging.getLogger('x')\nmain = 2\nAny = 3\nos = 4\nyaml = 5\nprint = 6\nexec = 7\n"
                + "run_pipeline = 8\nload_config = 9",
            "# Scale", "df['z'] = df['x'] * main * Any * os * yaml * print * exec * run_pipeline * load_config\n"
                + "logger.info('scaled')",
            "# Out", "df.to_csv('out.csv')");
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--orchestrator", "dagster");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        checkTree(out);
        assertCompiles(out);
    }

    @Test
    void awaitAsANameDoesNotParseSoTheCellThatRanIsRefusedOrDroppedOnRequest() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(folder.resolve("data.csv"), "x,y\n1,2\n");
        Path nb = notebook(folder.resolve("old.ipynb"), "# Old", "import pandas as pd\ndf = pd.read_csv('data.csv')",
            "# Step", "await = 2\ndf['z'] = df['x'] * await", "# Out", "df.to_csv('out.csv')");
        Path out = tmp.resolve("out");
        Cli refused = Cli.run("extract", nb.toString(), "-o", out.toString(), "--keep-exploratory");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("cell 4 ran in the notebook but does not parse").contains("--drop-unparsed")
            .hasLineCount(1);
        assertThat(out).doesNotExist();
        Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--keep-exploratory", "--drop-unparsed");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        checkTree(out);
        try (Stream<Path> walk = Files.walk(out.resolve("src"))) {
            for (Path py : walk.filter(p -> p.toString().endsWith(".py")).toList()) {
                assertThat(Files.readString(py)).as(py.toString()).doesNotContain("await");
            }
        }
        assertCompiles(out);
    }

    /** Every entry under {@code out}: no symbolic link, no reserved or unsafe name; returns the relative paths. */
    private List<String> checkTree(Path out) throws IOException {
        List<String> paths = new ArrayList<>();
        Path real = out.toRealPath();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted().toList()) {
                assertThat(Files.isSymbolicLink(p)).as("%s is a link", p).isFalse();
                assertThat(p.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(real)).as("%s inside", p).isTrue();
                if (p.equals(out)) {
                    continue;
                }
                String part = p.getFileName().toString();
                assertThat(FileNames.isSafe(part)).as("safe file name %s", part).isTrue();
                if (Files.isRegularFile(p)) {
                    paths.add(out.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        // nothing else appeared next to the output folder (temporary folders removed)
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(s -> s.getFileName().toString())).containsExactlyInAnyOrder("in", "out");
        }
        return paths;
    }

    private static void assertCompiles(Path out) throws IOException {
        String python = PythonTool.require("pyflakes");
        PythonTool.Result compiled = PythonTool.run(List.of(python, "-m", "compileall", "-q", "-f", "-x", "^$",
            out.toString()), out, 120);
        assertThat(compiled.exitCode()).as(compiled.stdout() + compiled.stderr()).isZero();
        PythonTool.Result flakes = PythonTool.run(List.of(python, "-m", "pyflakes", out.toString()), out, 120);
        assertThat(flakes.exitCode()).as(flakes.stdout() + flakes.stderr()).isZero();
        deletePycache(out);
    }

    private static void deletePycache(Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (p.toString().contains("__pycache__")) {
                    Files.delete(p);
                }
            }
        }
    }
}

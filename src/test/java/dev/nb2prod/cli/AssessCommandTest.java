package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.IpynbFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {
    @TempDir
    Path dir;

    /** A notebook with one NB001 (error) and one NB002 (warning). */
    private Path notebook() {
        return IpynbFiles.write(dir.resolve("nb/a.ipynb"), "x = = 1\n", "y = 2  # noqa: NB999\n");
    }

    private Path config(String yaml) throws Exception {
        return Files.writeString(dir.resolve("nb/nb2prod.yaml"), yaml);
    }

    @Test
    void exitCodesFollowFailOn() {
        String nb = notebook().toString();
        assertThat(Cli.run("assess", nb).exitCode()).isEqualTo(1);
        assertThat(Cli.run("assess", "--ignore", "NB001", nb).exitCode()).as("only a warning left").isEqualTo(0);
        assertThat(Cli.run("assess", "--ignore", "NB001", "--fail-on", "warning", nb).exitCode()).isEqualTo(1);
        assertThat(Cli.run("assess", "--select", "NB0", "--ignore", "NB001,NB002", nb).exitCode()).isEqualTo(0);
        IpynbFiles.write(dir.resolve("clean.ipynb"), "x = 1\n");
        assertThat(Cli.run("assess", dir.resolve("clean.ipynb").toString()).exitCode()).isEqualTo(0);
    }

    @Test
    void usageAndInputErrorsExitWith2() {
        String nb = notebook().toString();
        Cli unknown = Cli.run("assess", "--select", "NB9", nb);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("nb2prod: --select: unknown rule code or prefix 'NB9' (see 'nb2prod rules')\n");
        assertThat(Cli.run("assess", "--fail-on", "fatal", nb).exitCode()).isEqualTo(2);
        assertThat(Cli.run("assess", "--format", "xml", nb).exitCode()).isEqualTo(2);
        assertThat(Cli.run("assess", dir.resolve("missing.ipynb").toString()).exitCode()).isEqualTo(2);
        assertThat(Cli.run("assess", "--config", dir.resolve("none.yaml").toString(), nb).exitCode()).isEqualTo(2);
    }

    @Test
    void configFoundNextToTheNotebookApplies() throws Exception {
        String nb = notebook().toString();
        config("ignore: [NB001]\nfail-on: warning\n");
        Cli result = Cli.run("assess", nb);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).doesNotContain("NB001 ").contains("NB002 ");
        assertThat(Cli.run("assess", "--fail-on", "error", nb).exitCode()).as("command line over file").isEqualTo(0);
    }

    @Test
    void severityOverridesAndPerPathIgnoresFromConfig() throws Exception {
        String nb = notebook().toString();
        config("severity: {NB001: info}\n");
        assertThat(Cli.run("assess", nb).exitCode()).isEqualTo(0);
        config("per-path-ignores: {'nb/*.ipynb': [NB001]}\n");
        assertThat(Cli.run("assess", nb).out()).doesNotContain("NB001 ");
    }

    @Test
    void aBadConfigIsOneLineAndExit2() throws Exception {
        String nb = notebook().toString();
        Path file = config("select: [NB0]\nfail-on: [error]\n");
        Cli result = Cli.run("assess", nb);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("nb2prod: " + file.toAbsolutePath().normalize()
            + ": fail-on: expected error, warning or info, found a list\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void outputGoesToTheFile() throws Exception {
        String nb = notebook().toString();
        Path report = dir.resolve("out/report.json");
        Cli result = Cli.run("assess", "--format", "json", "--output", report.toString(), nb);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(Files.readString(report)).startsWith("{\n  \"version\": 1,").contains("\"code\": \"NB001\"");
        Files.writeString(report, "old");
        Cli again = Cli.run("assess", "--format", "json", "--output", report.toString(), nb);
        assertThat(again.exitCode()).as("refused without --force").isEqualTo(2);
        assertThat(again.err()).isEqualTo("nb2prod: " + report + ": already exists; use --force to overwrite it\n");
        assertThat(report).hasContent("old");
        assertThat(Cli.run("assess", "--format", "json", "--output", report.toString(), "--force", nb).exitCode())
            .as("replaced").isEqualTo(1);
        assertThat(Files.readString(report)).startsWith("{");
        try (var files = Files.list(report.getParent())) {
            assertThat(files).containsExactly(report);
        }
    }

    @Test
    void baselineHidesKnownFindingsAndKeepsNewOnes() throws Exception {
        Path nb = IpynbFiles.write(dir.resolve("b.ipynb"), "x = = 1\n", "y = 2\n");
        Path baseline = dir.resolve("baseline.json");
        Cli written = Cli.run("assess", "--write-baseline", baseline.toString(), nb.toString());
        assertThat(written.exitCode()).isEqualTo(0);
        assertThat(Files.readString(baseline)).contains("\"code\": \"NB001\"").doesNotContain("line");

        IpynbFiles.write(nb, "import os\n\nx = = 1\n", "y = 2\n");
        Cli shifted = Cli.run("assess", "--baseline", baseline.toString(), nb.toString());
        assertThat(shifted.exitCode()).as(shifted.out()).isEqualTo(0);
        assertThat(shifted.err()).contains("1 finding hidden by the baseline");

        IpynbFiles.write(nb, "import os\n\nx = = 1\n", "y = = 2\n");
        Cli fresh = Cli.run("assess", "--baseline", baseline.toString(), nb.toString());
        assertThat(fresh.exitCode()).isEqualTo(1);
        assertThat(fresh.out()).contains("cell 2:1:").doesNotContain("cell 1:3:");

        Files.writeString(baseline, "{}");
        assertThat(Cli.run("assess", "--baseline", baseline.toString(), nb.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void manyNotebooksInParallelKeepTheirOrder() {
        for (int i = 0; i < 12; i++) {
            IpynbFiles.write(dir.resolve("many/n" + (char) ('a' + i) + ".ipynb"), "x = = " + i + "\n");
        }
        String one = Cli.run("assess", "--jobs", "1", "--format", "json", dir.resolve("many").toString()).out();
        String eight = Cli.run("assess", "--jobs", "8", "--format", "json", dir.resolve("many").toString()).out();
        assertThat(eight).isEqualTo(one).contains("na.ipynb");
        assertThat(one.indexOf("na.ipynb")).isLessThan(one.indexOf("nl.ipynb"));
        assertThat(Cli.run("assess", "--jobs", "0", dir.resolve("many").toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void commonFolderOfThePaths() {
        Path a = dir.resolve("x/y/a.ipynb");
        Path b = dir.resolve("x/z/b.ipynb");
        assertThat(AssessCommand.commonFolder(java.util.List.of(a, b))).isEqualTo(dir.resolve("x"));
        assertThat(AssessCommand.commonFolder(java.util.List.of(a))).isEqualTo(dir.resolve("x/y"));
    }
}

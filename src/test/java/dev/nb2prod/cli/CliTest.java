package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    /** What one run of the command line printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static final String NOTEBOOK = """
            {
              "cells": [
                {"cell_type": "markdown", "metadata": {}, "source": ["# Title"]},
                {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": ["import pandas as pd\\n", "df = pd.DataFrame()\\n", "df.head()"]}
              ],
              "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
              "nbformat": 4,
              "nbformat_minor": 5
            }
            """;

    @TempDir Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    @Test
    void version() {
        Run run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("nb2prod ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void help() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: nb2prod").contains("assess").contains("Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void assessHelp() {
        Run run = run("assess", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: nb2prod assess").contains("PATH");
    }

    @Test
    void noArgumentsIsAUsageErrorThatShowsTheCommands() {
        Run run = run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: nb2prod").contains("assess").contains("graph");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAShortUsageError() {
        Run run = run("--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "nb2prod: Unknown option: '--frobnicate'", "Run 'nb2prod --help' for usage.");
        assertNoStackTrace(run);
    }

    @Test
    void assessWithoutPathsIsAUsageError() {
        Run run = run("assess");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("nb2prod: Missing required parameter");
        assertThat(run.errLines().get(1)).isEqualTo("Run 'nb2prod assess --help' for usage.");
        assertNoStackTrace(run);
    }

    @Test
    void assessSummarisesEachNotebookAndSkipsCheckpoints() throws Exception {
        Path a = write("project/a.ipynb", NOTEBOOK);
        Path b = write("project/sub/b.ipynb", NOTEBOOK);
        write("project/.ipynb_checkpoints/a-checkpoint.ipynb", "{ broken");

        Run run = run("assess", dir.resolve("project").toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(summaries(run)).containsExactly(
                a + ": nbformat 4.5, python kernel, 2 cells (1 code, 1 markdown, 0 raw), 3 code lines, no syntax errors",
                b + ": nbformat 4.5, python kernel, 2 cells (1 code, 1 markdown, 0 raw), 3 code lines, no syntax errors");
    }

    @Test
    void aBrokenNotebookGetsOneErrorLineAndTheOthersAreStillSummarised() throws Exception {
        Path a = write("project/a.ipynb", NOTEBOOK);
        Path broken = write("project/b.ipynb", NOTEBOOK.substring(0, NOTEBOOK.length() / 2));
        Path c = write("project/c.ipynb", NOTEBOOK);

        Run run = run("assess", dir.resolve("project").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(summaries(run)).hasSize(2);
        assertThat(summaries(run).get(0)).startsWith(a + ": nbformat 4.5");
        assertThat(summaries(run).get(1)).startsWith(c + ": nbformat 4.5");
        assertThat(run.errLines()).singleElement().asString()
                .matches("nb2prod: " + java.util.regex.Pattern.quote(broken.toString())
                        + ": is truncated: the JSON ends unexpectedly at line \\d+, column \\d+");
        assertNoStackTrace(run);
    }

    @Test
    void assessOnAMissingPath() throws Exception {
        Path valid = write("a.ipynb", NOTEBOOK);
        Path missing = dir.resolve("missing.ipynb");

        Run run = run("assess", missing.toString(), valid.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("nb2prod: " + missing + ": no such file or directory");
        assertThat(summaries(run)).singleElement().asString().startsWith(valid + ": nbformat");
    }

    @Test
    void assessTheProjectExamples() throws IOException {
        Path examples = Path.of(System.getProperty("user.dir")).resolve("examples");
        List<Path> notebooks;
        if (Files.isDirectory(examples)) {
            try (Stream<Path> walk = Files.walk(examples)) {
                notebooks = walk.filter(p -> p.toString().endsWith(".ipynb"))
                        .filter(p -> !p.toString().contains(".ipynb_checkpoints")).sorted().toList();
            }
        } else {
            notebooks = List.of();
        }
        Assumptions.assumeFalse(notebooks.isEmpty(), "the project has no example notebooks yet");

        Run run = run("assess", examples.toString());

        // the bundled example is messy on purpose: its fake API key is an error-level finding
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("NB401").contains("NB402").contains("Found ");
        for (Path notebook : notebooks) {
            assertThat(run.out()).contains(notebook + ": nbformat ");
        }
    }

    /** The per-notebook summary lines of assess's text output. */
    private static List<String> summaries(Run run) {
        return run.outLines().stream().filter(l -> l.contains(": nbformat ")).toList();
    }
}

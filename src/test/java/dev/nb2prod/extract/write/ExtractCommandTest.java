package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure paths of {@code nb2prod extract} that do not depend on the planner. */
class ExtractCommandTest {
    @Test
    void anUnreadableNotebookIsOneLineAndExit2(@TempDir Path tmp) {
        Cli cli = Cli.run("extract", tmp.resolve("missing.ipynb").toString(), "-o", tmp.resolve("out").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).startsWith("nb2prod: ").doesNotContain("\n");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aNonEmptyOutputFolderIsRefusedWithoutForce(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", out.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("nb2prod: " + out + " is not empty (use --force to replace its content)");
        assertThat(out.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void withoutOutputOrPlanItIsAUsageError() {
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("-o DIR");
    }

    @Test
    void anUnknownOrchestratorIsAUsageError(@TempDir Path tmp) {
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", tmp.resolve("o").toString(),
            "--orchestrator", "luigi");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void scheduleAndItsOldNameThatDisagreeAreAUsageError(@TempDir Path tmp) {
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", tmp.resolve("o").toString(),
            "--schedule", "cron", "--orchestrator", "dagster");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("nb2prod: --schedule cron and --orchestrator dagster disagree "
            + "(--orchestrator is the older name of --schedule): give one");
        assertThat(tmp.resolve("o")).doesNotExist();
        assertThat(Cli.run("extract", "examples/churn_analysis.ipynb", "--plan", "--schedule", "github").exitCode())
            .isZero();
        assertThat(Cli.run("extract", "examples/churn_analysis.ipynb", "--plan", "--schedule", "teams").exitCode())
            .isEqualTo(2);
    }

    @Test
    void theOldNameTakesTheSameValuesAndWritesTheSameFiles(@TempDir Path tmp) {
        Cli alias = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", tmp.resolve("a").toString(),
            "--orchestrator", "make");
        assertThat(alias.exitCode()).as(alias.err()).isZero();
        Cli both = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", tmp.resolve("b").toString(),
            "--orchestrator", "make", "--schedule", "make");
        assertThat(both.exitCode()).as(both.err()).isZero();
        for (String dir : new String[] {"a", "b"}) {
            assertThat(tmp.resolve(dir).resolve("Makefile")).exists();
            assertThat(tmp.resolve(dir).resolve("schedule/run.sh")).exists();
            assertThat(tmp.resolve(dir).resolve("pipelines")).doesNotExist();
        }
        Cli none = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", tmp.resolve("c").toString(),
            "--schedule", "none");
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(tmp.resolve("c/Makefile")).doesNotExist();
        assertThat(tmp.resolve("c/schedule")).doesNotExist();
        assertThat(tmp.resolve("c/pipelines")).doesNotExist();
        assertThat(tmp.resolve("c/.github")).doesNotExist();
    }

    @Test
    void thePlanSaysWhichScheduleIsRecommendedAndWhyOnOneLine() {
        Cli plan = Cli.run("extract", "examples/churn_analysis.ipynb", "--plan");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out().lines().filter(l -> l.startsWith("Schedule: ")).toList()).singleElement().asString()
            .startsWith("Schedule: dagster, recommended for a DAG of 12 steps (");
        Cli chosen = Cli.run("extract", "examples/churn_analysis.ipynb", "--plan", "--orchestrator", "cron");
        assertThat(chosen.out()).contains("\nSchedule: cron (--schedule); dagster, recommended for a DAG of ");
    }

    @Test
    void isListedInTheHelp() {
        Cli cli = Cli.run("extract", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("--schedule").contains("--orchestrator").contains("--keep-exploratory").contains("--plan")
            .contains("--force").contains("--package").contains("--config");
    }

    @Test
    void anOutputFolderThatIsASymbolicLinkIsRefusedEvenWithForce(@TempDir Path tmp) throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("out"), real);
        for (String[] extra : new String[][] {{}, {"--force"}}) {
            String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("extract", "examples/churn_analysis.ipynb", "-o", link.toString()),
                java.util.Arrays.stream(extra)).toArray(String[]::new);
            Cli cli = Cli.run(args);
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("nb2prod: " + link
                + " is a symbolic link; refusing to write through it (name the real folder)\n");
        }
        assertThat(real).isEmptyDirectory();
        try (var list = Files.list(tmp)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("real", "out");
        }
    }

    @Test
    void anOutputFolderThatIsAFileIsRefused(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "mine");
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", file.toString(), "--force");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("nb2prod: " + file + " exists and is not a directory\n");
        assertThat(file).hasContent("mine");
    }

    @Test
    void anUnwritableParentIsOneLineNamingTheFolderAndLeavesNothing(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        Path out = file.resolve("deeper/pkg");
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", out.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("nb2prod: cannot write " + out + ": ").hasLineCount(1)
            .doesNotContain("Exception").doesNotContain("\tat ");
        try (var list = Files.list(tmp)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("file");
        }
    }

    @Test
    void forceReplacesAnOldPackageAndLeavesNoTemporaryFolders(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.writeString(out.resolve("stale.txt"), "old");
        Cli cli = Cli.run("extract", "examples/churn_analysis.ipynb", "-o", out.toString(), "--force");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(out.resolve("stale.txt")).doesNotExist();
        assertThat(out.resolve("config.yaml")).exists();
        try (var list = Files.list(tmp)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void forceNeverReplacesAFolderHoldingTheNotebook(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project/notebooks"));
        Path nb = Files.copy(Path.of("examples/churn_analysis.ipynb"), project.resolve("churn.ipynb"));
        for (Path out : new Path[] {project, project.getParent()}) {
            Cli cli = Cli.run("extract", nb.toString(), "-o", out.toString(), "--force");
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("nb2prod: refusing to replace " + out + " with --force: it holds the "
                + "notebook " + nb + "; write the package into a folder of its own\n");
        }
        assertThat(nb).exists();
        // (the current-directory guard is not tested by replacing a real parent of the working directory: a
        // broken guard would delete the checkout)
    }
}

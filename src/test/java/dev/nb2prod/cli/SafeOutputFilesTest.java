package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.Cli;
import dev.nb2prod.testing.IpynbFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file a command writes besides extract ({@code assess -o}, {@code assess --write-baseline},
 * {@code graph -o}): an existing file only with --force, never through a symbolic link or over a directory,
 * through a temporary file that never survives, one-line refusals with exit 2.
 */
class SafeOutputFilesTest {
    @TempDir
    Path dir;

    private Path notebook() {
        return IpynbFiles.write(dir.resolve("nb/a.ipynb"), "x = 1\n", "y = x + 1\n");
    }

    /** The command lines that write FILE, each without --force. */
    private List<String[]> writers(Path file) {
        String nb = notebook().toString();
        return List.of(
            new String[] {"assess", "--format", "json", "-o", file.toString(), nb},
            new String[] {"assess", "--write-baseline", file.toString(), nb},
            new String[] {"graph", nb, "-o", file.toString()});
    }

    private static String[] forced(String[] args) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = "--force";
        return out;
    }

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path file = dir.resolve("out.json");
        for (String[] args : writers(file)) {
            Files.writeString(file, "old");
            Cli refused = Cli.run(args);
            assertThat(refused.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("nb2prod: " + file + ": already exists; use --force to overwrite it\n");
            assertThat(refused.out()).isEmpty();
            assertThat(file).hasContent("old");
            Cli replaced = Cli.run(forced(args));
            assertThat(replaced.exitCode()).as(replaced.err()).isZero();
            assertThat(Files.readString(file)).isNotEqualTo("old").isNotEmpty();
            assertThat(names(dir)).containsExactly("nb", "out.json");
        }
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThroughEvenWithForce() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path target = Files.writeString(outside.resolve("victim.txt"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("out.json"), target);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), outside.resolve("new.txt"));
        for (Path file : List.of(link, dangling)) {
            for (String[] args : writers(file)) {
                for (String[] variant : List.of(args, forced(args))) {
                    Cli cli = Cli.run(variant);
                    assertThat(cli.exitCode()).as(String.join(" ", variant)).isEqualTo(2);
                    assertThat(cli.err()).isEqualTo("nb2prod: " + file
                        + ": is a symbolic link; refusing to write through it (name the real file)\n");
                }
            }
        }
        assertThat(target).hasContent("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names(outside)).containsExactly("victim.txt");
        assertThat(names(dir)).containsExactly("dangling.json", "nb", "out.json", "outside");
    }

    @Test
    void aDirectoryIsNeverReplaced() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("report"));
        for (String[] args : writers(folder)) {
            Cli cli = Cli.run(forced(args));
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo("nb2prod: " + folder + ": is a directory\n");
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aRefusedReportWritesNeitherTheReportNorTheBaseline() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), "old");
        Path baseline = dir.resolve("baseline.json");
        Cli cli = Cli.run("assess", "-o", report.toString(), "--write-baseline", baseline.toString(),
            notebook().toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(baseline).doesNotExist();
        assertThat(report).hasContent("old");
    }

    @Test
    void aLinkedParentFolderIsFollowedAsTheUserNamedIt() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        Cli cli = Cli.run("graph", notebook().toString(), "-o", linked.resolve("g.json").toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(names(real)).containsExactly("g.json");
    }

    @Test
    void aParentThatIsAFileIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Cli cli = Cli.run("graph", notebook().toString(), "-o", file.resolve("sub/g.json").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("nb2prod: " + file.resolve("sub/g.json") + ": cannot write: ")
            .hasLineCount(1).doesNotContain("Exception");
        assertThat(names(dir)).containsExactly("file", "nb");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anInjectedFailureHalfWayLeavesTheOldFileAndNoTemporaryFileOrNewFolder(boolean existing) throws Exception {
        Path file = dir.resolve(existing ? "out.json" : "new/deeper/out.json");
        if (existing) {
            Files.writeString(file, "old");
        }
        StringWriter err = new StringWriter();
        int code = OutputFiles.write(new PrintWriter(err), file, true, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("No space left on device");
        });
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("nb2prod: " + file + ": cannot write: No space left on device\n");
        if (existing) {
            assertThat(file).hasContent("old");
            assertThat(names(dir)).containsExactly("out.json");
        } else {
            assertThat(dir).isEmptyDirectory();
        }
    }

    @Test
    void theOutputFileIsWrittenWithoutTemporaryLeftovers() throws Exception {
        Path file = dir.resolve("a/b/out.txt");
        StringWriter err = new StringWriter();
        int code = OutputFiles.write(new PrintWriter(err), file, false, t -> Files.writeString(t, "new"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(file).hasContent("new");
        assertThat(names(file.getParent())).containsExactly("out.txt");
    }
}

package dev.nb2prod.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookFilesTest {
    @TempDir Path dir;

    private Path touch(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return file;
    }

    @Test
    void expandsDirectoriesIntoSortedNotebooksSkippingCheckpointsAndHiddenFolders() throws Exception {
        Path b = touch("b.ipynb");
        Path a = touch("sub/a.ipynb");
        Path top = touch("a.ipynb");
        touch(".ipynb_checkpoints/a-checkpoint.ipynb");
        touch("sub/.ipynb_checkpoints/x-checkpoint.ipynb");
        touch(".hidden/c.ipynb");
        touch("notes.txt");
        Path dotted = touch(".dotted.ipynb"); // a hidden file (not a folder) is still a notebook

        NotebookFiles.Expansion expansion = NotebookFiles.expand(List.of(dir));

        assertThat(expansion.problems()).isEmpty();
        assertThat(expansion.notebooks()).containsExactly(dotted, top, b, a);
    }

    @Test
    void aFileStandsForItselfOnceAndAMissingPathIsAProblem() throws Exception {
        Path file = touch("x.ipynb");
        Path other = touch("data.json");
        Path missing = dir.resolve("missing.ipynb");

        NotebookFiles.Expansion expansion = NotebookFiles.expand(List.of(file, other, missing, dir));

        assertThat(expansion.notebooks()).containsExactly(file, other);
        assertThat(expansion.problems()).containsExactly(missing + ": no such file or directory");
    }

    @Test
    void aSymbolicLinkLoopIsOneProblemAndTheOtherNotebooksAreStillFound() throws Exception {
        Path a = touch("project/a.ipynb");
        Path b = touch("project/sub/b.ipynb");
        Path loop = Files.createSymbolicLink(dir.resolve("project/sub/up"), dir.resolve("project"));

        NotebookFiles.Expansion expansion = NotebookFiles.expand(List.of(dir.resolve("project")));

        assertThat(expansion.notebooks()).containsExactly(a, b);
        assertThat(expansion.problems())
                .containsExactly(loop + ": is a symbolic link back to a folder above it (not followed)");
    }

    @Test
    void anUnreadableFolderIsOneProblemAndTheOtherNotebooksAreStillFound() throws Exception {
        Path a = touch("project/a.ipynb");
        touch("project/locked/b.ipynb");
        Path locked = dir.resolve("project/locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(locked), "the folder stays readable (running as root)");

            NotebookFiles.Expansion expansion = NotebookFiles.expand(List.of(dir.resolve("project")));

            assertThat(expansion.notebooks()).containsExactly(a);
            assertThat(expansion.problems()).containsExactly(locked + ": cannot be read (permission denied)");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}

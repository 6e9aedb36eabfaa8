package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeWriterTest {
    @TempDir
    Path tmp;

    private static SortedMap<String, byte[]> tree(String... pathsAndContents) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private long entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void writesIntoANewFolderAndLeavesNoTemporaryFolder() throws Exception {
        Path dir = tmp.resolve("out/pkg");
        TreeWriter.write(tree("a.txt", "A", "src/p/b.py", "B"), dir, false);
        assertThat(dir.resolve("a.txt")).hasContent("A");
        assertThat(dir.resolve("src/p/b.py")).hasContent("B");
        assertThat(entries(dir.getParent())).isEqualTo(1);
    }

    @Test
    void writesIntoAnEmptyFolder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        TreeWriter.write(tree("a.txt", "A"), dir, false);
        assertThat(dir.resolve("a.txt")).hasContent("A");
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void refusesANonEmptyFolderWithoutForceAndChangesNothing() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        Files.writeString(dir.resolve("mine.txt"), "keep");
        assertThatThrownBy(() -> TreeWriter.write(tree("a.txt", "A"), dir, false))
            .isInstanceOf(WriteRefused.class).hasMessageContaining("is not empty (use --force");
        assertThat(dir.resolve("mine.txt")).hasContent("keep");
        assertThat(dir.resolve("a.txt")).doesNotExist();
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void forceReplacesTheContent() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        Files.writeString(dir.resolve("old.txt"), "old");
        Files.createDirectories(dir.resolve("deep/er"));
        TreeWriter.write(tree("a.txt", "A"), dir, true);
        assertThat(dir.resolve("a.txt")).hasContent("A");
        assertThat(dir.resolve("old.txt")).doesNotExist();
        assertThat(dir.resolve("deep")).doesNotExist();
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void refusesAFileWhereTheFolderShouldBe() throws Exception {
        Path file = Files.writeString(tmp.resolve("pkg"), "x");
        assertThatThrownBy(() -> TreeWriter.write(tree("a.txt", "A"), file, true))
            .isInstanceOf(WriteRefused.class).hasMessageContaining("not a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void refusesPathsThatLeaveTheFolderBeforeWritingAnything() {
        Path dir = tmp.resolve("pkg");
        for (String escape : new String[] {"../evil.py", "a/../../evil.py", "/etc/evil", "a//b", "./a", "a\\..\\b", ""}) {
            assertThatThrownBy(() -> TreeWriter.write(tree("ok.txt", "ok", escape, "bad"), dir, true))
                .as(escape).isInstanceOf(WriteRefused.class);
        }
        assertThat(dir).doesNotExist();
        assertThat(tmp.resolve("evil.py")).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aFailureWhileWritingLeavesNeitherTheFolderNorTheTemporaryOne() throws Exception {
        Path dir = tmp.resolve("pkg");
        // "a" is written as a file, then "a/b" needs it to be a folder: the write fails half way
        SortedMap<String, byte[]> broken = tree("a", "file", "a/b", "inside");
        assertThatThrownBy(() -> TreeWriter.write(broken, dir, false)).isInstanceOf(IOException.class);
        assertThat(dir).doesNotExist();
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aFailureWithForceKeepsTheOldContent() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        Files.writeString(dir.resolve("old.txt"), "old");
        assertThatThrownBy(() -> TreeWriter.write(tree("a", "file", "a/b", "inside"), dir, true))
            .isInstanceOf(IOException.class);
        assertThat(dir.resolve("old.txt")).hasContent("old");
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void aTargetThatIsASymbolicLinkIsRefusedEvenWithForce() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("theirs.txt"), "keep");
        Path link = Files.createSymbolicLink(tmp.resolve("pkg"), elsewhere);
        for (boolean force : new boolean[] {false, true}) {
            assertThatThrownBy(() -> TreeWriter.write(tree("a.txt", "A"), link, force))
                .isInstanceOf(WriteRefused.class)
                .hasMessage(link + " is a symbolic link; refusing to write through it (name the real folder)");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(elsewhere.resolve("theirs.txt")).hasContent("keep");
        assertThat(elsewhere.resolve("a.txt")).doesNotExist();
        assertThat(entries(tmp)).isEqualTo(2);
    }

    @Test
    void aDanglingLinkAsTargetIsRefusedAndNothingIsCreatedWhereItPoints() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("pkg"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> TreeWriter.write(tree("a.txt", "A"), link, true)).isInstanceOf(WriteRefused.class);
        assertThat(tmp.resolve("nowhere")).doesNotExist();
    }

    @Test
    void forceRemovesLinksInsideTheOldContentWithoutFollowingThem() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "keep");
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        Files.createSymbolicLink(dir.resolve("src"), outside);
        Files.createSymbolicLink(dir.resolve("a.txt"), outside.resolve("precious.txt"));
        TreeWriter.write(tree("a.txt", "A", "src/p/b.py", "B"), dir, true);
        assertThat(Files.isSymbolicLink(dir.resolve("src"))).isFalse();
        assertThat(Files.isSymbolicLink(dir.resolve("a.txt"))).isFalse();
        assertThat(dir.resolve("a.txt")).hasContent("A");
        assertThat(outside.resolve("precious.txt")).hasContent("keep");
        try (Stream<Path> list = Files.list(outside)) {
            assertThat(list).containsExactly(outside.resolve("precious.txt"));
        }
        assertThat(entries(tmp)).isEqualTo(2);
    }

    @Test
    void aTargetUnderALinkedParentIsWrittenWhereTheUserPointed() throws Exception {
        // the parent folders are the user's: a link among them (like /tmp on macOS) is followed as named
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), real);
        TreeWriter.write(tree("a.txt", "A"), linked.resolve("pkg"), false);
        assertThat(real.resolve("pkg/a.txt")).hasContent("A");
        assertThat(entries(real)).isEqualTo(1);
    }

    @Test
    void reservedAndUnsafeNamesAreRefusedBeforeWritingAnything() {
        Path dir = tmp.resolve("pkg");
        for (String bad : new String[] {"con", "src/NUL.py", "tests/fixtures/com1.csv", "lpt9/x", "-rf", "a./b",
            "x:y", "é.py", "a b"}) {
            assertThatThrownBy(() -> TreeWriter.write(tree("ok.txt", "ok", bad, "bad"), dir, true))
                .as(bad).isInstanceOf(WriteRefused.class).hasMessageContaining("is not a safe file name");
        }
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void anInjectedFailureHalfWayLeavesNothingNotEvenTheParentsItCreated() throws Exception {
        Path dir = tmp.resolve("new/parents/pkg");
        int[] written = {0};
        TreeWriter.FileSink failing = (path, content) -> {
            if (++written[0] == 3) {
                Files.write(path, new byte[] {1, 2}); // a partial file, then the disk "fills up"
                throw new IOException("No space left on device");
            }
            Files.write(path, content);
        };
        assertThatThrownBy(() -> TreeWriter.write(tree("a", "1", "b/c", "2", "d/e/f", "3", "g", "4"), dir, false,
            failing)).isInstanceOf(IOException.class).hasMessage("No space left on device");
        assertThat(written[0]).isEqualTo(3);
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void anInjectedFailureWithForceKeepsTheOldContentAndLeavesNoTemporaryFolder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("pkg"));
        Files.writeString(dir.resolve("old.txt"), "old");
        TreeWriter.FileSink failing = (path, content) -> {
            throw new IOException("injected");
        };
        assertThatThrownBy(() -> TreeWriter.write(tree("a", "1"), dir, true, failing)).isInstanceOf(IOException.class);
        assertThat(dir.resolve("old.txt")).hasContent("old");
        assertThat(entries(dir)).isEqualTo(1);
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void aParentThatIsAFileFailsAndLeavesNothing() throws Exception {
        Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> TreeWriter.write(tree("a", "1"), tmp.resolve("file/pkg"), false))
            .isInstanceOf(IOException.class);
        assertThat(entries(tmp)).isEqualTo(1);
        assertThat(tmp.resolve("file")).hasContent("x");
    }

    @Test
    void pathsThatDifferOnlyInCaseAreRefused() {
        Path dir = tmp.resolve("pkg");
        assertThatThrownBy(() -> TreeWriter.write(tree("tests/fixtures/Data.csv", "1", "tests/fixtures/data.csv", "2"),
            dir, false)).isInstanceOf(WriteRefused.class).hasMessageContaining("case does not count");
        assertThat(tmp).isEmptyDirectory();
    }
}

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
}

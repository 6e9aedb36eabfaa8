package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFixturesTest {
    @TempDir
    Path root;

    @Test
    void aDataFileNextToTheNotebookIsFound() throws Exception {
        Path folder = Files.createDirectories(root.resolve("repo/data")).getParent();
        Files.writeString(folder.resolve("data/sales.csv"), "a,b\n1,2\n");
        assertThat(DataFixtures.locate("data/sales.csv", folder)).contains(folder.resolve("data/sales.csv"));
    }

    @Test
    void aSymbolicLinkOutOfTheNotebookFolderIsNotFollowed() throws Exception {
        // found while checking ExtractorFuzzTest's invariant by hand: the link's target (any file the pusher of the
        // notebook names, e.g. ~/.aws/credentials) was copied into the package's tests/fixtures/
        Path folder = Files.createDirectories(root.resolve("repo/data")).getParent();
        Path outside = Files.writeString(root.resolve("private.csv"), "secret\n");
        Files.createSymbolicLink(folder.resolve("data/sales.csv"), outside);
        Files.createSymbolicLink(folder.resolve("raw"), root);
        assertThat(DataFixtures.locate("data/sales.csv", folder)).isEmpty();
        assertThat(DataFixtures.locate("raw/private.csv", folder)).isEmpty();
    }
}

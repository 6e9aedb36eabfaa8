package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.HalfWayChild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while it writes a report or baseline leaves the old file and no temporary file. */
@DisabledOnOs(OS.WINDOWS)
class KilledOutputWriteTest {
    /** The child: writes half of args[0]'s new content, announces it, and blocks until killed. */
    public static void main(String[] args) {
        OutputFiles.write(new PrintWriter(System.err, true), Path.of(args[0]), true, temporary -> {
            Files.writeString(temporary, "half");
            HalfWayChild.announceAndBlock();
        });
    }

    @Test
    void aKilledWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path report = Files.writeString(tmp.resolve("report.json"), "old");
        HalfWayChild.run(KilledOutputWriteTest.class, List.of(report.toString()), () -> {
            try (var list = Files.list(tmp)) {
                assertThat(list).hasSize(2);
            }
        });
        try (var list = Files.list(tmp)) {
            assertThat(list).containsExactly(report);
        }
        assertThat(report).hasContent("old");
    }
}

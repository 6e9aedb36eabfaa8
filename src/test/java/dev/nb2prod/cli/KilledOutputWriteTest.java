package dev.nb2prod.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
            System.out.println("half way");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void aKilledWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path report = Files.writeString(tmp.resolve("report.json"), "old");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), KilledOutputWriteTest.class.getName(), report.toString())
            .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("half way");
            try (var list = Files.list(tmp)) {
                assertThat(list).hasSize(2);
            }
            child.destroy();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (var list = Files.list(tmp)) {
            assertThat(list).containsExactly(report);
        }
        assertThat(report).hasContent("old");
    }
}

package dev.nb2prod.extract.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.HalfWayChild;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGTERM: Ctrl-C, a CI timeout) while it writes a package leaves nothing: neither the package,
 * nor the temporary folder, nor the parent folders it created. Runs {@link #main} in a child JVM that blocks
 * half way through the write until it is killed.
 */
@DisabledOnOs(OS.WINDOWS)
class KilledWriteTest {
    /** The child: writes a three-file tree into args[0], announcing and then blocking on the second file. */
    public static void main(String[] args) throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String name : List.of("a.txt", "b/c.txt", "d.txt")) {
            files.put(name, name.getBytes(StandardCharsets.UTF_8));
        }
        int[] count = {0};
        boolean force = args.length > 1 && args[1].equals("--force");
        TreeWriter.write(files, Path.of(args[0]), force, (path, content) -> {
            Files.write(path, content);
            if (++count[0] == 2) {
                HalfWayChild.announceAndBlock();
            }
        });
    }

    @Test
    void aKilledWriteLeavesNothing(@TempDir Path tmp) throws Exception {
        killHalfWay(tmp, tmp.resolve("new/parent/pkg"));
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aKilledForcedWriteLeavesTheOldPackage(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("pkg"));
        Files.writeString(target.resolve("old.txt"), "old");
        killHalfWay(tmp, target, "--force");
        try (Stream<Path> list = Files.list(tmp)) {
            assertThat(list).containsExactly(target);
        }
        try (Stream<Path> list = Files.list(target)) {
            assertThat(list).containsExactly(target.resolve("old.txt"));
        }
        assertThat(target.resolve("old.txt")).hasContent("old");
    }

    private static void killHalfWay(Path tmp, Path target, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(target.toString()));
        args.addAll(List.of(extra));
        HalfWayChild.run(KilledWriteTest.class, args, () -> {
            try (Stream<Path> walk = Files.walk(tmp)) {
                assertThat(walk.filter(p -> p.getFileName().toString().startsWith(".nb2prod-tmp-"))).hasSize(1);
            }
        });
    }
}

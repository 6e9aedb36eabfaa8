package dev.nb2prod.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code nb2prod extract --record}: runs the generated package's tests once, in a temporary copy, with the user's
 * Python and {@code UPDATE_SNAPSHOTS=1}, so that the snapshot tests write {@code tests/golden/}; the golden files
 * are then written with the rest of the package. The copy is removed afterwards, whatever happens.
 */
public final class SnapshotRecorder {
    /** Where the golden files are, relative to the package root. */
    public static final String GOLDEN = "tests/golden/";

    /**
     * What recording gave.
     *
     * @param golden the golden files by relative path
     * @param problem why some or all of them could not be recorded, if so
     */
    public record Outcome(SortedMap<String, byte[]> golden, Optional<String> problem) {}

    private SnapshotRecorder() {}

    public static Outcome record(SortedMap<String, byte[]> files, String python, Duration timeout) throws IOException {
        try (TempFolder folder = new TempFolder("nb2prod-record-")) {
            Path root = folder.path().resolve("package");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Path logs = Files.createDirectories(folder.path().resolve("logs"));
            ChildProcess child = new ChildProcess(logs, Map.of("UPDATE_SNAPSHOTS", "1", "MPLBACKEND", "Agg",
                "PYTHONDONTWRITEBYTECODE", "1"));
            ChildProcess.Result result;
            try {
                result = child.run("pytest", List.of(python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "tests"), root, timeout);
            } catch (IOException e) {
                return new Outcome(new TreeMap<>(), Optional.of("cannot run " + python + ": " + e.getMessage()));
            }
            SortedMap<String, byte[]> golden = new TreeMap<>();
            Path goldenDir = root.resolve(GOLDEN);
            if (Files.isDirectory(goldenDir)) {
                try (Stream<Path> paths = Files.list(goldenDir)) {
                    for (Path path : paths.sorted().toList()) {
                        golden.put(GOLDEN + path.getFileName(), Files.readAllBytes(path));
                    }
                }
            }
            return new Outcome(golden, problem(result));
        }
    }

    private static Optional<String> problem(ChildProcess.Result result) {
        if (result.timedOut()) {
            return Optional.of("the tests did not finish in time");
        }
        if (result.exitCode() == 0) {
            return Optional.empty();
        }
        String text = result.stdout() + "\n" + result.stderr();
        if (text.contains("No module named pytest")) {
            return Optional.of("pytest is not installed for that Python");
        }
        String last = text.lines().map(String::strip)
            .filter(l -> l.startsWith("E ") || l.startsWith("FAILED") || l.startsWith("ERROR"))
            .findFirst().orElse(text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                .orElse("pytest exited with " + result.exitCode()));
        return Optional.of("the tests failed: " + last);
    }
}

package dev.nb2prod.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the Python interpreter tests run: {@code NB2PROD_TEST_PYTHON} (set by .ci/run, so CI never skips),
 * else Debian's {@code /usr/bin/python3}, else {@code python3} on the PATH. Tests that need Python skip when
 * none is found and no interpreter was required.
 */
public final class PythonTool {
    private PythonTool() {}

    /** The interpreter, or the test is skipped (or fails, when NB2PROD_TEST_PYTHON names a broken one). */
    public static String require(String... modules) {
        String configured = System.getenv("NB2PROD_TEST_PYTHON");
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        } else {
            candidates.add("/usr/bin/python3");
            candidates.add("python3");
        }
        for (String candidate : candidates) {
            if (works(candidate, modules)) {
                return candidate;
            }
        }
        if (configured != null && !configured.isBlank()) {
            fail("NB2PROD_TEST_PYTHON=" + configured + " is not a Python 3.10+ with " + String.join(", ", modules));
        }
        Assumptions.abort("no Python 3.10+ with " + String.join(", ", modules) + " found");
        return null;
    }

    private static boolean works(String python, String... modules) {
        StringBuilder code = new StringBuilder("import sys; assert sys.version_info >= (3, 10)");
        for (String module : modules) {
            code.append("; import ").append(module);
        }
        try {
            return run(List.of(python, "-c", code.toString()), null, 60).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The result of a finished process. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /** Runs a command, waiting at most {@code timeoutSeconds}; the process tree is killed on timeout. */
    public static Result run(List<String> command, Path directory, int timeoutSeconds) throws IOException {
        return run(command, directory, java.util.Map.of(), timeoutSeconds);
    }

    /** Runs a command with extra environment variables. */
    public static Result run(List<String> command, Path directory, java.util.Map<String, String> environment,
                             int timeoutSeconds) throws IOException {
        return run(command, directory, environment, null, timeoutSeconds);
    }

    /** Runs a command with extra environment variables and {@code stdin} (a file, or null for none) as its input. */
    public static Result run(List<String> command, Path directory, java.util.Map<String, String> environment,
                             Path stdin, int timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("nb2prod-test", ".out");
        Path err = Files.createTempFile("nb2prod-test", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, Files.readString(out, StandardCharsets.UTF_8), "timed out after " + timeoutSeconds + "s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The corpus of real notebooks next to the checkout, if present. */
    public static Optional<Path> corpus() {
        for (Path candidate : List.of(Path.of(System.getProperty("user.dir")).resolve("../shared/corpus"), Path.of("/work/shared/corpus"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}

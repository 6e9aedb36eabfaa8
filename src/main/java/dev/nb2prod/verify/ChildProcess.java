package dev.nb2prod.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one child process with a deadline; on timeout the whole process tree is killed. */
final class ChildProcess {
    /** A finished process; {@code timedOut} when it was killed at the deadline. */
    record Result(int exitCode, String stdout, String stderr, boolean timedOut) {}

    private final Path logs;
    private final Map<String, String> environment;

    /**
     * @param logs the folder for the standard output and error files
     * @param environment variables added to the inherited environment
     */
    ChildProcess(Path logs, Map<String, String> environment) {
        this.logs = logs;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs the command in {@code directory}.
     *
     * @throws IOException when the program cannot be started (e.g. it does not exist)
     */
    Result run(String step, List<String> command, Path directory, Duration timeout) throws IOException {
        Path out = logs.resolve(step + ".out");
        Path err = logs.resolve(step + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!finished) {
            killTree(process);
            return new Result(-1, read(out), read(err), true);
        }
        return new Result(process.exitValue(), read(out), read(err), false);
    }

    /** Kills the descendants first (so that none is re-parented and survives), then the process itself. */
    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}

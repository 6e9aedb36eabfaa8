package dev.nb2prod.cli;

import dev.nb2prod.rules.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine;

/** Writes a command's text to standard output, or to a file through a temporary file and a move. */
final class OutputFiles {
    private OutputFiles() {}

    /** Returns the exit code: OK, or USAGE when the file exists without --force or cannot be written. */
    static int write(CommandLine.Model.CommandSpec spec, Path file, boolean force, String text) {
        PrintWriter err = spec.commandLine().getErr();
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        if (Files.exists(file) && !force) {
            err.println("nb2prod: " + file + ": already exists; use --force to overwrite it");
            return ExitCodes.USAGE;
        }
        Path absolute = file.toAbsolutePath();
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("nb2prod: " + file + ": cannot write: " + Secrets.redact(String.valueOf(e.getMessage())));
            return ExitCodes.USAGE;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the move succeeded or the directory is gone; nothing left to clean
                }
            }
        }
    }
}

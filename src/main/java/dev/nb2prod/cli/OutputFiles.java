package dev.nb2prod.cli;

import dev.nb2prod.extract.write.IoMessages;
import dev.nb2prod.rules.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Writes a command's text to standard output, or to a file (a report, a graph, a baseline) safely: the text goes
 * to a temporary file next to the target, which is then moved over it, so a failure leaves the old file as it
 * was, no temporary file and no folder this write created. An existing file is replaced only with
 * {@code --force}; a directory or a symbolic link is never replaced, even with {@code --force} (writing through
 * a link would write elsewhere). Parent folders the user named are taken as they are, links included. Every
 * refusal is one line naming the file, exit code 2.
 */
final class OutputFiles {
    /** Writes the text into the temporary file; tests replace it to fail half way. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    private OutputFiles() {}

    /** Returns the exit code: OK, or USAGE when the file exists without --force or cannot be written. */
    static int write(CommandLine.Model.CommandSpec spec, Path file, boolean force, String text) {
        if (file == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        return write(spec.commandLine().getErr(), file, force,
            temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
    }

    /** Refuses, early, a file that {@link #write} would refuse: OK, or USAGE after printing why (null is OK). */
    static int check(PrintWriter err, Path file, boolean force) {
        String refusal = file == null ? null : refusal(file, force);
        if (refusal != null) {
            err.println("nb2prod: " + file + ": " + refusal);
            err.flush();
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    static int write(PrintWriter err, Path file, boolean force, Content content) {
        if (check(err, file, force) != ExitCodes.OK) {
            return ExitCodes.USAGE;
        }
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> created = new ArrayList<>();
        Path[] temporary = {null};
        // killed half way (Ctrl-C, a CI timeout's SIGTERM): the JVM's shutdown removes the temporary file
        Thread onKill = new Thread(() -> cleanUp(temporary[0], created), "nb2prod-output-cleanup");
        Runtime.getRuntime().addShutdownHook(onKill);
        try {
            for (Path p = absolute.getParent(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
                created.add(p);
            }
            Files.createDirectories(absolute.getParent());
            temporary[0] = Files.createTempFile(absolute.getParent(), ".nb2prod-", ".tmp");
            content.writeTo(temporary[0]);
            move(temporary[0], absolute, force);
            temporary[0] = null;
            return ExitCodes.OK;
        } catch (IOException e) {
            err.println("nb2prod: " + file + ": cannot write: " + Secrets.redact(IoMessages.describe(e)));
            err.flush();
            cleanUp(temporary[0], created);
            return ExitCodes.USAGE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onKill);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs
            }
        }
    }

    /** Removes the temporary file, if any, and the folders this write created when they are empty. */
    private static void cleanUp(Path temporary, List<Path> created) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the folder is gone or unwritable; nothing more can be cleaned
        }
        for (Path folder : created) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                return; // not empty: not ours alone to remove
            }
        }
    }

    /** Why the file may not be written, or null. */
    private static String refusal(Path file, boolean force) {
        if (Files.isSymbolicLink(file)) {
            return "is a symbolic link; refusing to write through it (name the real file)";
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return "is a directory";
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !force) {
            return "already exists; use --force to overwrite it";
        }
        return null;
    }

    /** Renames the temporary file over the target (rename replaces a link that appeared meanwhile, not its target). */
    private static void move(Path temporary, Path target, boolean force) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (force) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temporary, target);
            }
        }
    }
}

package dev.nb2prod.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A temporary folder removed, with everything in it, when closed. */
final class TempFolder implements AutoCloseable {
    private final Path path;

    TempFolder(String prefix) throws IOException {
        this.path = Files.createTempDirectory(prefix);
    }

    /** In {@code parent} instead of the system's temporary folder. */
    TempFolder(Path parent, String prefix) throws IOException {
        this.path = Files.createTempDirectory(parent, prefix);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a file still held open by a killed process; the OS cleans the temp folder later
        }
    }
}

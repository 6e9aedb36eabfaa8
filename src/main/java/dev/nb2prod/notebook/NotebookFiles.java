package dev.nb2prod.notebook;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands the paths a user names into notebook files: a file stands for itself, a directory for every
 * {@code .ipynb} below it (sorted, skipping {@code .ipynb_checkpoints} and hidden folders).
 */
public final class NotebookFiles {
    /** The result of expanding the paths: the notebooks found and one message per path that is unusable. */
    public record Expansion(List<Path> notebooks, List<String> problems) {
        public Expansion {
            notebooks = List.copyOf(notebooks);
            problems = List.copyOf(problems);
        }
    }

    private NotebookFiles() {}

    public static Expansion expand(List<Path> paths) {
        Set<Path> found = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                found.addAll(notebooksUnder(path, problems));
            } else if (Files.exists(path)) {
                found.add(path);
            } else {
                problems.add(path + ": no such file or directory");
            }
        }
        return new Expansion(new ArrayList<>(found), problems);
    }

    /**
     * The notebooks below {@code root}, sorted. A folder that cannot be read (or a symbolic link loop) adds
     * one problem and the walk goes on, so that the other notebooks are still found.
     */
    private static List<Path> notebooksUnder(Path root, List<String> problems) {
        List<Path> notebooks = new ArrayList<>();
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && hidden(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".ipynb")) {
                    notebooks.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(file + ": " + describe(e));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                if (e != null) {
                    problems.add(dir + ": " + describe(e));
                }
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            problems.add(root + ": cannot list the directory: " + describe(e));
        }
        notebooks.sort(null);
        return notebooks;
    }

    private static String describe(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "cannot be read (permission denied)";
            case FileSystemLoopException loop -> "is a symbolic link back to a folder above it (not followed)";
            default -> "cannot be read: " + NotebookReader.oneLine(e.getMessage());
        };
    }

    /** {@code .ipynb_checkpoints} and other hidden folders hold no notebooks of the project. */
    private static boolean hidden(String folder) {
        return folder.startsWith(".") && !folder.equals(".") && !folder.equals("..");
    }
}

package dev.nb2prod.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
                try (Stream<Path> walk = Files.walk(path, FileVisitOption.FOLLOW_LINKS)) {
                    walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".ipynb"))
                            .filter(Files::isRegularFile)
                            .filter(p -> !skipped(path.relativize(p)))
                            .sorted()
                            .forEach(found::add);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(path + ": cannot list the directory: " + NotebookReader.oneLine(e.getMessage()));
                }
            } else if (Files.exists(path)) {
                found.add(path);
            } else {
                problems.add(path + ": no such file or directory");
            }
        }
        return new Expansion(new ArrayList<>(found), problems);
    }

    private static boolean skipped(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String part = relative.getName(i).toString();
            if (part.equals(".ipynb_checkpoints") || (part.startsWith(".") && !part.equals(".") && !part.equals(".."))) {
                return true;
            }
        }
        return false;
    }
}

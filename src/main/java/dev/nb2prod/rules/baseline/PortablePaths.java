package dev.nb2prod.rules.baseline;

import java.nio.file.Path;

/**
 * Notebook paths as they appear in baselines and SARIF: relative to the working directory when the file is
 * under it, normalised ({@code ./a/../b.ipynb} is {@code b.ipynb}), with forward slashes on every system.
 */
public final class PortablePaths {
    private PortablePaths() {}

    public static String of(String path) {
        return of(path, Path.of("").toAbsolutePath());
    }

    static String of(String path, Path workingDirectory) {
        Path candidate = Path.of(path);
        if (candidate.isAbsolute()) {
            Path normal = candidate.normalize();
            if (normal.startsWith(workingDirectory)) {
                candidate = workingDirectory.relativize(normal);
            }
        }
        String text = candidate.normalize().toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }
}

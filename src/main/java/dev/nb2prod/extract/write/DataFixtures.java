package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data files the generated tests read: the path keys the ingestion functions take. Each gets a file name
 * under {@code tests/fixtures/}; a copy of the real file is made when it is found next to the notebook and is
 * small (under 1 MB). Files are looked for only inside the notebook's folder.
 */
public final class DataFixtures {
    /** Data files at least this large are not copied into the tests. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** One input file: its config key, its file name in tests/fixtures/, and the file to copy, if any. */
    public record Fixture(ConfigKey key, String fileName, Optional<Path> source) {}

    private DataFixtures() {}

    public static List<Fixture> find(Wiring wiring, Path notebookFolder) {
        Map<String, ConfigKey> inputs = new LinkedHashMap<>();
        wiring.inputKeys().forEach(k -> inputs.putIfAbsent(k.key(), k));
        List<Fixture> fixtures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> byValue = new java.util.HashMap<>();
        for (ConfigKey key : inputs.values()) {
            String value = unquote(key.yamlValue());
            if (byValue.containsKey(value)) {
                // two keys reading the same file (an if/else of the notebook) share its copy
                fixtures.add(new Fixture(key, byValue.get(value), locate(value, notebookFolder)));
                continue;
            }
            // unique ignoring case: Data.csv and data.csv are one file on macOS and Windows
            String name = safeName(value);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                String base = FileNames.of(key.key().replace('.', '_') + "_" + name, "data");
                name = base;
                for (int i = 2; !names.add(name.toLowerCase(Locale.ROOT)); i++) {
                    name = FileNames.of(i + "_" + base, "data");
                }
            }
            byValue.put(value, name);
            fixtures.add(new Fixture(key, name, locate(value, notebookFolder)));
        }
        return fixtures;
    }

    public static String unquote(String yaml) {
        String v = yaml.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** The last path component as a safe file name (see {@link FileNames#of}). */
    static String safeName(String value) {
        return FileNames.of(value, "data");
    }

    /**
     * The file next to the notebook: the path itself, or its name in the folder, data/ or data/raw/. Only a
     * regular file whose real path (symbolic links resolved) is inside the notebook's real folder counts, so
     * neither {@code ../../etc/passwd} nor a link to it is copied into the package.
     */
    static Optional<Path> locate(String value, Path notebookFolder) {
        Path folder;
        try {
            folder = notebookFolder.toAbsolutePath().normalize().toRealPath();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        String name = safeName(value);
        List<String> candidates = new ArrayList<>();
        if (!value.startsWith("/") && !value.contains(":")) {
            candidates.add(value);
        }
        candidates.addAll(List.of(name, "data/" + name, "data/raw/" + name));
        for (String candidate : candidates) {
            try {
                Path path = folder.resolve(candidate).normalize();
                // a symbolic link (of the file or of a folder on the way) must not bring in a file from elsewhere
                if (path.startsWith(folder) && Files.isRegularFile(path)) {
                    Path real = path.toRealPath();
                    if (real.startsWith(folder) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                        && Files.size(real) < MAX_BYTES) {
                        return Optional.of(real);
                    }
                }
            } catch (InvalidPathException | java.io.IOException e) {
                // not a usable candidate
            }
        }
        return Optional.empty();
    }
}

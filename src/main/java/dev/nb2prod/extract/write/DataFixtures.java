package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.data.CodeColumns;
import dev.nb2prod.extract.data.CsvText;
import dev.nb2prod.extract.data.DataProfile;
import dev.nb2prod.extract.data.DataTable;
import dev.nb2prod.extract.data.FixtureData;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Collectors;

/**
 * The data files the generated tests read: the path keys the ingestion functions take. Each gets a file name
 * under {@code tests/fixtures/}, made from the real file when it is found next to the notebook: a CSV or TSV file
 * becomes a deterministic sample of at most {@code maxRows} data records with personal data masked (see
 * {@link FixtureData}), and is profiled for the package's drift check (see {@link DataProfile}); another file is
 * copied when it is small (under 1 MB). Files are looked for only inside the notebook's folder.
 */
public final class DataFixtures {
    /** Data files at least this large are not copied into the tests unless they are sampled. */
    public static final long MAX_BYTES = 1024 * 1024;
    /** Delimited files larger than this are neither sampled nor profiled. */
    public static final long MAX_SAMPLED_BYTES = 256L * 1024 * 1024;
    /** The rows a sampled fixture keeps by default. */
    public static final int DEFAULT_ROWS = 200;

    /**
     * One input file.
     *
     * @param key its configuration key
     * @param fileName its file name in tests/fixtures/
     * @param source the real file next to the notebook, if found
     * @param content the fixture to write, when one could be made
     * @param note how the fixture was made, for the README (empty when there is none)
     * @param profile the real file's profile, for a delimited file
     * @param usedColumns the columns of the file the notebook's code names (delimited files)
     */
    public record Fixture(ConfigKey key, String fileName, Optional<Path> source, Optional<byte[]> content, String note,
        Optional<DataProfile> profile, List<String> usedColumns) {
        public Fixture {
            usedColumns = List.copyOf(usedColumns);
        }
    }

    private DataFixtures() {}

    public static List<Fixture> find(Wiring wiring, Path notebookFolder, int maxRows) {
        Map<String, ConfigKey> inputs = new LinkedHashMap<>();
        wiring.inputKeys().forEach(k -> inputs.putIfAbsent(k.key(), k));
        List<String> bodies = new ArrayList<>();
        wiring.plan().functions().forEach(f -> bodies.add(f.body()));
        wiring.plan().helpers().forEach(h -> bodies.add(h.code()));
        List<Fixture> fixtures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Fixture> byValue = new java.util.HashMap<>();
        for (ConfigKey key : inputs.values()) {
            String value = unquote(key.yamlValue());
            if (byValue.containsKey(value)) {
                // two keys reading the same file (an if/else of the notebook) share its copy
                Fixture same = byValue.get(value);
                fixtures.add(new Fixture(key, same.fileName(), same.source(), same.content(), same.note(),
                    same.profile(), same.usedColumns()));
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
            Fixture fixture = make(key, name, locate(value, notebookFolder), bodies, maxRows);
            byValue.put(value, fixture);
            fixtures.add(fixture);
        }
        return fixtures;
    }

    private static Fixture make(ConfigKey key, String name, Optional<Path> source, List<String> bodies, int maxRows) {
        if (source.isEmpty()) {
            return new Fixture(key, name, source, Optional.empty(), "", Optional.empty(), List.of());
        }
        Path file = source.get();
        try {
            long size = Files.size(file);
            String lower = name.toLowerCase(Locale.ROOT);
            boolean delimited = lower.endsWith(".csv") || lower.endsWith(".tsv");
            if (delimited && size <= MAX_SAMPLED_BYTES) {
                byte[] bytes = Files.readAllBytes(file);
                Charset charset = charsetOf(bytes);
                DataTable table = DataTable.of(CsvText.parse(new String(bytes, charset), lower.endsWith(".tsv")));
                if (!table.data().isEmpty()) {
                    FixtureData data = FixtureData.of(new String(bytes, charset), table, maxRows,
                        CodeColumns.target(bodies, table.columns()));
                    byte[] content = data.text().getBytes(charset);
                    return new Fixture(key, name, source, Optional.of(content), note(data),
                        Optional.of(DataProfile.of(name, table)), CodeColumns.used(bodies, table.columns()));
                }
            }
            if (size < MAX_BYTES) {
                return new Fixture(key, name, source, Optional.of(Files.readAllBytes(file)), "a copy of the file",
                    Optional.empty(), List.of());
            }
        } catch (java.io.IOException e) {
            // unreadable: the tests are skipped until a sample is there
        }
        return new Fixture(key, name, source, Optional.empty(), "", Optional.empty(), List.of());
    }

    private static String note(FixtureData data) {
        StringBuilder out = new StringBuilder(data.rows() == data.totalRows()
            ? "all " + data.totalRows() + " rows of the file"
            : data.rows() + " of the file's " + data.totalRows() + " rows, evenly spaced"
                + data.stratifiedOn().map(t -> " and stratified on `" + t + "`").orElse(""));
        if (!data.masked().isEmpty()) {
            out.append(", with personal data masked in ")
                .append(data.masked().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", ")));
        }
        return out.toString();
    }

    /** UTF-8 when the bytes are valid UTF-8, else ISO-8859-1 (which maps every byte, so the copy stays exact). */
    private static Charset charsetOf(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
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
                    if (real.startsWith(folder) && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
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

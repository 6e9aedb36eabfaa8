package dev.nb2prod.rules.baseline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nb2prod.rules.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings accepted as they are today: {@code --write-baseline} records them, {@code --baseline} hides them so a
 * build fails only on new ones. An entry is (notebook path, rule code, fingerprint); there are no line numbers,
 * so entries survive edits that move a finding up or down.
 */
public record Baseline(Set<Entry> entries) {
    public static final int VERSION = 1;

    /** One accepted finding. The path uses forward slashes and is relative to the working directory when under it. */
    public record Entry(String path, String code, String fingerprint) implements Comparable<Entry> {
        private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::code)
            .thenComparing(Entry::fingerprint);

        @Override
        public int compareTo(Entry other) {
            return ORDER.compare(this, other);
        }

        static Entry of(Finding finding) {
            return new Entry(PortablePaths.of(finding.path()), finding.code(), finding.fingerprint());
        }
    }

    public Baseline {
        entries = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    public static Baseline of(List<Finding> findings) {
        Set<Entry> entries = new TreeSet<>();
        findings.forEach(f -> entries.add(Entry.of(f)));
        return new Baseline(entries);
    }

    public boolean contains(Finding finding) {
        return entries.contains(Entry.of(finding));
    }

    /** The findings not in the baseline, in their order. */
    public List<Finding> newFindings(List<Finding> findings) {
        return findings.stream().filter(f -> !contains(f)).toList();
    }

    /** The baseline file: sorted entries, two-space indentation, a final newline. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            json.writeStartObject();
            json.writeStringField("tool", "nb2prod");
            json.writeNumberField("version", VERSION);
            json.writeArrayFieldStart("findings");
            for (Entry entry : entries) {
                json.writeStartObject();
                json.writeStringField("path", entry.path());
                json.writeStringField("code", entry.code());
                json.writeStringField("fingerprint", entry.fingerprint());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    public static Baseline read(Path file) throws BaselineException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    static Baseline parse(String text, String name) throws BaselineException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JacksonException e) {
            throw new BaselineException(name + ": not a baseline file (invalid JSON: " + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new BaselineException(name + ": not a baseline file (no \"findings\" list; write one with --write-baseline)");
        }
        if (root.path("version").asInt(0) != VERSION) {
            throw new BaselineException(name + ": unsupported baseline version " + root.path("version")
                + " (this nb2prod writes version " + VERSION + ")");
        }
        Set<Entry> entries = new TreeSet<>();
        int index = 0;
        for (JsonNode item : root.path("findings")) {
            String path = item.path("path").textValue();
            String code = item.path("code").textValue();
            String fingerprint = item.path("fingerprint").textValue();
            if (path == null || code == null || fingerprint == null) {
                throw new BaselineException(name + ": findings[" + index + "]: needs the strings path, code and fingerprint");
            }
            entries.add(new Entry(PortablePaths.of(path), code, fingerprint));
            index++;
        }
        return new Baseline(entries);
    }
}

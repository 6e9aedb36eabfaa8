package dev.nb2prod.rules.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.nb2prod.rules.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Finds and reads configuration files: {@code nb2prod.yaml}, or the {@code [tool.nb2prod]} table of a
 * {@code pyproject.toml}. Every problem becomes a {@link SettingsException} of one line:
 * {@code FILE: KEY: PROBLEM}.
 */
public final class SettingsFiles {
    public static final String YAML_NAME = "nb2prod.yaml";
    public static final String PYPROJECT_NAME = "pyproject.toml";
    private static final List<String> KEYS = List.of("select", "ignore", "per-path-ignores", "fail-on", "severity", "rules");

    private SettingsFiles() {}

    /**
     * The configuration file that applies to {@code directory}: the first folder from it upwards that holds an
     * {@code nb2prod.yaml} or a {@code pyproject.toml} with a {@code [tool.nb2prod]} table (in one folder
     * {@code nb2prod.yaml} wins).
     */
    /**
     * The configuration file to use: the one given on the command line, else {@code NB2PROD_CONFIG}, else the first
     * found from {@code startFolder} upwards; empty when there is none.
     */
    public static Optional<Path> locate(Path given, Map<String, String> env, Path startFolder) throws SettingsException {
        Optional<Path> file = Optional.ofNullable(given);
        String envConfig = env.get(SettingsResolver.ENV_CONFIG);
        if (file.isEmpty() && envConfig != null && !envConfig.isBlank()) {
            file = Optional.of(Path.of(envConfig));
        }
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new SettingsException(file.get() + ": no such configuration file");
        }
        return file.isPresent() ? file : find(startFolder);
    }

    /**
     * The first configuration file found from {@code directory} upwards (see {@link #locate} for the whole rule).
     */
    public static Optional<Path> find(Path directory) {
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path yaml = dir.resolve(YAML_NAME);
            if (Files.isRegularFile(yaml)) {
                return Optional.of(yaml);
            }
            Path pyproject = dir.resolve(PYPROJECT_NAME);
            if (Files.isRegularFile(pyproject) && mentionsTool(pyproject)) {
                return Optional.of(pyproject);
            }
        }
        return Optional.empty();
    }

    private static boolean mentionsTool(Path pyproject) {
        try {
            return Files.readString(pyproject, StandardCharsets.UTF_8).contains("tool.nb2prod");
        } catch (IOException e) {
            return true; // let read() report why it cannot be read
        }
    }

    /** Reads a configuration file ({@code .toml}: its {@code [tool.nb2prod]} table; anything else: YAML). */
    public static Settings read(Path file, Set<String> knownCodes) throws SettingsException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(name + ": cannot read the configuration file: " + e.getMessage());
        }
        Map<?, ?> table;
        if (file.getFileName().toString().endsWith(".toml")) {
            table = toolTable(name, text);
        } else {
            table = yaml(name, text);
        }
        return parse(table, name, knownCodes);
    }

    private static Map<?, ?> yaml(String name, String text) throws SettingsException {
        Object document;
        try {
            document = new Load(LoadSettings.builder().setLabel(name).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new SettingsException(name + ": invalid YAML: " + oneLine(e.getMessage()));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException(name + ": the file must be a mapping of keys (select, ignore, ...), not "
                + typeName(document));
        }
        return map;
    }

    private static Map<?, ?> toolTable(String name, String text) throws SettingsException {
        Map<?, ?> document;
        try {
            document = new TomlMapper().readValue(text, Map.class);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new SettingsException(name + ": invalid TOML" + where + ": " + oneLine(e.getOriginalMessage()));
        }
        if (document == null || !(document.get("tool") instanceof Map<?, ?> tool) || tool.get("nb2prod") == null) {
            return Map.of();
        }
        if (!(tool.get("nb2prod") instanceof Map<?, ?> table)) {
            throw new SettingsException(name + ": tool.nb2prod: must be a table");
        }
        return table;
    }

    /** Checks and converts a configuration table (already parsed from YAML or TOML). */
    static Settings parse(Map<?, ?> table, String name, Set<String> knownCodes) throws SettingsException {
        for (Object key : table.keySet()) {
            if (!(key instanceof String k) || !KEYS.contains(k)) {
                String hint = key instanceof String k && KEYS.contains(k.replace('_', '-'))
                    ? " (did you mean '" + k.replace('_', '-') + "'?)" : " (known keys: " + String.join(", ", KEYS) + ")";
                throw new SettingsException(name + ": " + key + ": unknown key" + hint);
            }
        }
        Optional<List<String>> select = optionalCodes(table, "select", name, knownCodes);
        Optional<List<String>> ignore = optionalCodes(table, "ignore", name, knownCodes);
        Optional<Map<String, List<String>>> perPath = Optional.empty();
        if (table.get("per-path-ignores") != null) {
            Map<?, ?> map = mapping(table.get("per-path-ignores"), name, "per-path-ignores");
            Map<String, List<String>> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = "per-path-ignores." + entry.getKey();
                result.put(String.valueOf(entry.getKey()), codes(entry.getValue(), name, key, knownCodes));
            }
            perPath = Optional.of(result);
        }
        Optional<Severity> failOn = Optional.empty();
        if (table.get("fail-on") != null) {
            failOn = Optional.of(severity(table.get("fail-on"), name + ": fail-on"));
        }
        Optional<Map<String, Severity>> severities = Optional.empty();
        if (table.get("severity") != null) {
            Map<String, Severity> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : mapping(table.get("severity"), name, "severity").entrySet()) {
                String code = exactCode(entry.getKey(), name, "severity", knownCodes);
                result.put(code, severity(entry.getValue(), name + ": severity." + code));
            }
            severities = Optional.of(result);
        }
        Optional<Map<String, Map<String, Object>>> rules = Optional.empty();
        if (table.get("rules") != null) {
            Map<String, Map<String, Object>> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : mapping(table.get("rules"), name, "rules").entrySet()) {
                String code = exactCode(entry.getKey(), name, "rules", knownCodes);
                Map<String, Object> options = new LinkedHashMap<>();
                for (Map.Entry<?, ?> option : mapping(entry.getValue(), name, "rules." + code).entrySet()) {
                    if (option.getValue() == null) {
                        throw new SettingsException(name + ": rules." + code + "." + option.getKey() + ": has no value");
                    }
                    options.put(String.valueOf(option.getKey()), option.getValue());
                }
                result.put(code, options);
            }
            rules = Optional.of(result);
        }
        return new Settings(select, ignore, perPath, failOn, severities, rules);
    }

    private static Optional<List<String>> optionalCodes(Map<?, ?> table, String key, String name, Set<String> known)
        throws SettingsException {
        Object value = table.get(key);
        return value == null ? Optional.empty() : Optional.of(codes(value, name, key, known));
    }

    /** A list of codes, or one string of comma-separated codes. */
    private static List<String> codes(Object value, String name, String key, Set<String> known) throws SettingsException {
        List<String> result = new ArrayList<>();
        if (value instanceof String text) {
            result.addAll(Codes.split(text));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw new SettingsException(name + ": " + key + ": expected rule codes (strings), found " + typeName(item));
                }
                result.addAll(Codes.split(text));
            }
        } else {
            throw new SettingsException(name + ": " + key + ": expected a list of rule codes, found " + typeName(value));
        }
        Codes.checkPrefixes(result, known, name + ": " + key);
        return result;
    }

    private static String exactCode(Object key, String name, String where, Set<String> known) throws SettingsException {
        String code = String.valueOf(key).strip().toUpperCase(Locale.ROOT);
        if (!known.contains(code)) {
            throw new SettingsException(name + ": " + where + "." + key + ": unknown rule code (see 'nb2prod rules')");
        }
        return code;
    }

    private static Map<?, ?> mapping(Object value, String name, String key) throws SettingsException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new SettingsException(name + ": " + key + ": expected a mapping, found " + typeName(value));
    }

    static Severity severity(Object value, String where) throws SettingsException {
        if (value instanceof String text) {
            try {
                return Severity.parse(text);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new SettingsException(where + ": expected error, warning or info, found "
            + (value instanceof String ? "'" + value + "'" : typeName(value)));
    }

    private static String typeName(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Number) {
            return "a number (" + value + ")";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        return "'" + value + "'";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}

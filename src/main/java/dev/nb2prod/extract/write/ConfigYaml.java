package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The configuration keys of a plan as nested YAML (dotted keys become mappings), each preceded by its comment. */
public final class ConfigYaml {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The folder input paths are relative to; a relative root is relative to the folder of config.yaml. */
    public static final ConfigKey DATA_ROOT = new ConfigKey("data_root", "\".\"", "str",
        "folder the input paths below are read from (relative to this file's folder)", PathRole.NONE);

    /** The folder output paths are relative to; a relative root is relative to the folder of config.yaml. */
    public static final ConfigKey OUTPUT_ROOT = new ConfigKey("output_root", "\".\"", "str",
        "folder the output paths below are written to (relative to this file's folder)", PathRole.NONE);

    private ConfigYaml() {}

    /** The plan's keys after {@code data_root} and {@code output_root} (the plan's own value when it has one). */
    public static List<ConfigKey> withRoots(List<ConfigKey> keys) {
        List<ConfigKey> all = new ArrayList<>();
        for (ConfigKey root : List.of(DATA_ROOT, OUTPUT_ROOT)) {
            all.add(keys.stream().filter(k -> k.key().equals(root.key())).findFirst().orElse(root));
        }
        keys.stream().filter(k -> root(k.key()).isEmpty()).forEach(all::add);
        return all;
    }

    /** The root key of that name, if it is one. */
    public static Optional<ConfigKey> root(String key) {
        return Stream.of(DATA_ROOT, OUTPUT_ROOT).filter(k -> k.key().equals(key)).findFirst();
    }

    private sealed interface Node {
        record Leaf(ConfigKey key) implements Node {}

        record Branch(Map<String, Node> children) implements Node {}
    }

    /** The YAML lines for the keys, ending with a newline. */
    public static String render(List<ConfigKey> keys) {
        Map<String, Node> root = new LinkedHashMap<>();
        for (ConfigKey key : keys) {
            String[] parts = key.key().split("\\.", -1);
            Map<String, Node> level = root;
            for (int i = 0; i < parts.length; i++) {
                if (!SEGMENT.matcher(parts[i]).matches()) {
                    throw new IllegalStateException("config key " + key.key() + " is not a dotted identifier");
                }
                if (i == parts.length - 1) {
                    if (level.containsKey(parts[i])) {
                        throw new IllegalStateException("config key " + key.key() + " is defined twice");
                    }
                    level.put(parts[i], new Node.Leaf(key));
                } else {
                    Node next = level.computeIfAbsent(parts[i], k -> new Node.Branch(new LinkedHashMap<>()));
                    if (!(next instanceof Node.Branch branch)) {
                        throw new IllegalStateException("config key " + key.key() + " conflicts with a value key");
                    }
                    level = branch.children();
                }
            }
        }
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.toString();
    }

    private static void write(Map<String, Node> level, int depth, StringBuilder out) {
        String pad = "  ".repeat(depth);
        for (Map.Entry<String, Node> entry : level.entrySet()) {
            switch (entry.getValue()) {
                case Node.Leaf leaf -> {
                    String comment = leaf.key().comment().replaceAll("\\s+", " ").strip();
                    if (!comment.isEmpty()) {
                        out.append(pad).append("# ").append(comment).append('\n');
                    }
                    out.append(pad).append(entry.getKey()).append(": ").append(value(leaf.key())).append('\n');
                }
                case Node.Branch branch -> {
                    out.append(pad).append(entry.getKey()).append(":\n");
                    write(branch.children(), depth + 1, out);
                }
            }
        }
    }

    /** The planner's YAML value, or a quoted string when it spans lines or is empty. */
    private static String value(ConfigKey key) {
        String value = key.yamlValue().strip();
        if (value.isEmpty() || value.contains("\n") || value.contains("\r")) {
            return PyText.quote(key.yamlValue());
        }
        return value;
    }
}

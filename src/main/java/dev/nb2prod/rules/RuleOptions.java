package dev.nb2prod.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-rule settings from the configuration ({@code rules: {NB601: {max-lines: 80}}}), read by rules with a
 * default. Values are kept as the configuration gave them (strings, numbers, lists).
 */
public record RuleOptions(Map<String, Map<String, Object>> byRule) {
    public static final RuleOptions DEFAULTS = new RuleOptions(Map.of());

    public RuleOptions {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        byRule.forEach((code, options) -> copy.put(code, Map.copyOf(options)));
        byRule = java.util.Collections.unmodifiableMap(copy);
    }

    public int intValue(String code, String key, int fallback) {
        Object value = byRule.getOrDefault(code, Map.of()).get(key);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    public double doubleValue(String code, String key, double fallback) {
        Object value = byRule.getOrDefault(code, Map.of()).get(key);
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    /** A list option as strings ({@code [0, 1, 2.5]} gives {@code ["0", "1", "2.5"]}). */
    public List<String> listValue(String code, String key, List<String> fallback) {
        Object value = byRule.getOrDefault(code, Map.of()).get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return fallback;
    }
}

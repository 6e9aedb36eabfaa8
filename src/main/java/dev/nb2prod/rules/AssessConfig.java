package dev.nb2prod.rules;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which rules run and how: codes or prefixes to select and ignore, ignores per path glob, severity
 * overrides and rule options. Built from the configuration file, the environment and the command line.
 *
 * @param select codes or prefixes to run (empty: all)
 * @param ignore codes or prefixes not to run
 * @param perPathIgnores glob (matched against the notebook path) to codes or prefixes ignored there
 * @param severities severity overrides by code
 * @param options per-rule options
 */
public record AssessConfig(
    List<String> select, List<String> ignore, Map<String, List<String>> perPathIgnores,
    Map<String, Severity> severities, RuleOptions options) {
    public static final AssessConfig DEFAULTS = new AssessConfig(List.of(), List.of(), Map.of(), Map.of(), RuleOptions.DEFAULTS);

    public AssessConfig {
        select = List.copyOf(select);
        ignore = List.copyOf(ignore);
        perPathIgnores = java.util.Collections.unmodifiableMap(new TreeMap<>(perPathIgnores));
        severities = java.util.Collections.unmodifiableMap(new TreeMap<>(severities));
    }

    /** True when rule {@code code} runs on the notebook at {@code path}. */
    public boolean enabled(String code, String path) {
        boolean selected = select.isEmpty() || select.stream().anyMatch(code::startsWith);
        if (!selected || ignore.stream().anyMatch(code::startsWith)) {
            return false;
        }
        for (Map.Entry<String, List<String>> entry : perPathIgnores.entrySet()) {
            if (entry.getValue().stream().anyMatch(code::startsWith) && globMatches(entry.getKey(), path)) {
                return false;
            }
        }
        return true;
    }

    /** A glob matches the path, or any tail of it ({@code scratch/*.ipynb} matches {@code repo/scratch/a.ipynb}). */
    private static boolean globMatches(String glob, String path) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        Path candidate = Path.of(path).normalize();
        if (matcher.matches(candidate)) {
            return true;
        }
        for (int i = 1; i < candidate.getNameCount(); i++) {
            if (matcher.matches(candidate.subpath(i, candidate.getNameCount()))) {
                return true;
            }
        }
        return false;
    }

    public Severity severity(RuleInfo rule) {
        return severities.getOrDefault(rule.code(), rule.severity());
    }

    /**
     * The severity of one finding: the configured one when the rule's severity is set in the configuration,
     * else the finding's own (a rule may report some findings below its default, e.g. NB107 on plot styling).
     */
    public Severity severity(RuleInfo rule, Finding finding) {
        return severities.getOrDefault(rule.code(), finding.severity());
    }
}

package dev.nb2prod.rules.settings;

import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One layer of configuration (a file, the environment or the command line). Empty means "not set here":
 * a later layer replaces a value wholesale, it never merges lists.
 *
 * @param select codes or prefixes to run
 * @param ignore codes or prefixes not to run
 * @param perPathIgnores glob to codes or prefixes ignored in matching notebooks
 * @param failOn the lowest severity that fails the run
 * @param severities severity overrides by code
 * @param rules options by code ({@code NB601: {max-lines: 80}})
 */
public record Settings(
    Optional<List<String>> select, Optional<List<String>> ignore, Optional<Map<String, List<String>>> perPathIgnores,
    Optional<Severity> failOn, Optional<Map<String, Severity>> severities,
    Optional<Map<String, Map<String, Object>>> rules) {
    public static final Settings EMPTY = new Settings(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());

    /** This layer with {@code over} on top of it: each value {@code over} sets replaces this one's. */
    public Settings overriddenBy(Settings over) {
        return new Settings(
            over.select.or(() -> select), over.ignore.or(() -> ignore), over.perPathIgnores.or(() -> perPathIgnores),
            over.failOn.or(() -> failOn), over.severities.or(() -> severities), over.rules.or(() -> rules));
    }
}

package dev.nb2prod.rules.settings;

import dev.nb2prod.rules.AssessConfig;
import dev.nb2prod.rules.RuleOptions;
import dev.nb2prod.rules.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Combines the layers of configuration: command line over environment over configuration file over defaults.
 */
public final class SettingsResolver {
    public static final String ENV_SELECT = "NB2PROD_SELECT";
    public static final String ENV_IGNORE = "NB2PROD_IGNORE";
    public static final String ENV_FAIL_ON = "NB2PROD_FAIL_ON";
    public static final String ENV_CONFIG = "NB2PROD_CONFIG";

    /** The result: which rules run and how, and the failure threshold. */
    public record Resolved(AssessConfig config, Severity failOn) {}

    private SettingsResolver() {}

    /** The layer the environment variables set ({@code NB2PROD_SELECT}, {@code NB2PROD_IGNORE}, {@code NB2PROD_FAIL_ON}). */
    public static Settings fromEnvironment(Map<String, String> env, Set<String> knownCodes) throws SettingsException {
        Optional<List<String>> select = envCodes(env, ENV_SELECT, knownCodes);
        Optional<List<String>> ignore = envCodes(env, ENV_IGNORE, knownCodes);
        Optional<Severity> failOn = Optional.empty();
        String fail = env.get(ENV_FAIL_ON);
        if (fail != null && !fail.isBlank()) {
            failOn = Optional.of(SettingsFiles.severity(fail, ENV_FAIL_ON));
        }
        return new Settings(select, ignore, Optional.empty(), failOn, Optional.empty(), Optional.empty());
    }

    private static Optional<List<String>> envCodes(Map<String, String> env, String name, Set<String> known)
        throws SettingsException {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        List<String> codes = Codes.split(value);
        Codes.checkPrefixes(codes, known, name);
        return Optional.of(codes);
    }

    /** The command-line layer ({@code --select}, {@code --ignore}, {@code --fail-on}); null means not given. */
    public static Settings fromCommandLine(String select, String ignore, String failOn, Set<String> knownCodes)
        throws SettingsException {
        Optional<List<String>> selected = Optional.empty();
        if (select != null) {
            selected = Optional.of(Codes.split(select));
            Codes.checkPrefixes(selected.get(), knownCodes, "--select");
        }
        Optional<List<String>> ignored = Optional.empty();
        if (ignore != null) {
            ignored = Optional.of(Codes.split(ignore));
            Codes.checkPrefixes(ignored.get(), knownCodes, "--ignore");
        }
        Optional<Severity> threshold = Optional.empty();
        if (failOn != null) {
            threshold = Optional.of(SettingsFiles.severity(failOn, "--fail-on"));
        }
        return new Settings(selected, ignored, Optional.empty(), threshold, Optional.empty(), Optional.empty());
    }

    /** Stacks the layers (lowest first) and builds the assess configuration; fail-on defaults to error. */
    public static Resolved resolve(Settings file, Settings environment, Settings commandLine) {
        Settings merged = Settings.EMPTY.overriddenBy(file).overriddenBy(environment).overriddenBy(commandLine);
        AssessConfig config = new AssessConfig(merged.select().orElse(List.of()), merged.ignore().orElse(List.of()),
            merged.perPathIgnores().orElse(Map.of()), merged.severities().orElse(Map.of()),
            new RuleOptions(merged.rules().orElse(Map.of())));
        return new Resolved(config, merged.failOn().orElse(Severity.ERROR));
    }
}

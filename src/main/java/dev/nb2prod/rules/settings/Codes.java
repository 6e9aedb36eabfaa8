package dev.nb2prod.rules.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses and checks rule codes and prefixes ({@code NB2}, {@code NB201}) named in configuration. */
public final class Codes {
    private Codes() {}

    /** Splits {@code "NB1, NB201"} into upper-case codes; blanks are dropped. */
    public static List<String> split(String text) {
        List<String> result = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                result.add(part.strip().toUpperCase(Locale.ROOT));
            }
        }
        return result;
    }

    /** True when {@code code} is a known code or the prefix of one ({@code NB}, {@code NB2}, {@code NB20}). */
    public static boolean knownPrefix(String code, Set<String> known) {
        return code.startsWith("NB") && known.stream().anyMatch(k -> k.startsWith(code));
    }

    /** Fails on the first code that is not a known code or prefix. */
    public static void checkPrefixes(List<String> codes, Set<String> known, String where) throws SettingsException {
        for (String code : codes) {
            if (!knownPrefix(code, known)) {
                throw new SettingsException(where + ": unknown rule code or prefix '" + code + "' (see 'nb2prod rules')");
            }
        }
    }
}

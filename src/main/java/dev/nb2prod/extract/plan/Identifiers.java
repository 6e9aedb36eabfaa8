package dev.nb2prod.extract.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turning free text into valid, readable Python identifiers. */
public final class Identifiers {
    private Identifiers() {}

    public static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
        "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
        "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
        "while", "with", "yield", "match", "case", "type", "print", "exec");

    public static final Set<String> BUILTINS = Set.of("abs", "all", "any", "ascii", "bin", "bool", "breakpoint",
        "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
        "divmod", "enumerate", "eval", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
        "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list", "locals",
        "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "property", "range",
        "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super",
        "tuple", "vars", "zip", "logger", "logging", "os", "config", "run_pipeline", "main");

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "and", "for", "to", "with", "on",
        "in", "at", "by", "our", "my", "some", "from", "into", "its", "it", "is", "are", "this", "that", "step");

    /** The words of a text, lower-cased, accents removed, only letters and digits. */
    public static List<String> words(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        // split camelCase too
        ascii = ascii.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        List<String> out = new ArrayList<>();
        for (String w : ascii.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Words without stop words and leading numbering ("1.", "2a"). */
    public static List<String> meaningfulWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (STOP_WORDS.contains(w) || (out.isEmpty() && w.matches("\\d+[a-z]?"))) {
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** snake_case of free text, at most {@code maxWords} words; empty when nothing usable remains. */
    public static String snake(String text, int maxWords) {
        List<String> w = meaningfulWords(text);
        return String.join("_", w.subList(0, Math.min(maxWords, w.size())));
    }

    /** A snake_case identifier that is valid Python: not a keyword or builtin, not starting with a digit. */
    public static String sanitize(String candidate, String fallback) {
        String s = candidate.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_");
        s = s.replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = fallback;
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "n" + s;
        }
        if (KEYWORDS.contains(s) || BUILTINS.contains(s)) {
            s = s + "_";
        }
        return s;
    }

    /** A package name: lower snake case, valid, not a keyword; {@code pipeline} when nothing is usable. */
    public static String packageName(String text) {
        String s = sanitize(String.join("_", words(text)), "pipeline").toLowerCase(Locale.ROOT);
        return s.replaceAll("_+$", "").isEmpty() ? "pipeline" : s;
    }

    /** {@code base}, or {@code base_2}, {@code base_3}... whichever is not taken; adds it to {@code taken}. */
    public static String unique(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        taken.add(name);
        return name;
    }
}

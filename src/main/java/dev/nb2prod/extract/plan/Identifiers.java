package dev.nb2prod.extract.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turning free text (headings, variable names, the notebook's file name) into valid, readable Python identifiers:
 * ASCII letters, digits and underscores, not starting with a digit, never a keyword (including Python 2's
 * {@code print} and {@code exec} and the soft keywords), at most {@link #MAX_LENGTH} characters. Package names
 * also avoid every module the package or its tests import (see {@link #packageName(String, Set)}). File names
 * are {@code dev.nb2prod.extract.write.FileNames}'s job.
 */
public final class Identifiers {
    private Identifiers() {}

    /** The longest identifier produced (PEP 8 lines stay readable; file systems are not a concern here). */
    public static final int MAX_LENGTH = 60;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Names a generated package must not take although they are valid: modules the generated code, its tests or
     * its orchestrator files import, the generated test modules (pytest puts {@code tests/} first on the path),
     * and names Windows reserves for devices (the package becomes a folder).
     */
    private static final Set<String> TAKEN_PACKAGES = Set.of("yaml", "pytest", "setuptools", "pip", "pkg_resources",
        "dagster", "airflow", "prefect", "numpy", "pandas", "sklearn", "scipy", "matplotlib", "seaborn",
        "src", "test", "tests", "conftest", "test_pipeline", "test_ingestion", "test_preprocessing", "test_features",
        "test_training", "test_evaluation", "test_reporting", "pipelines",
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

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

    /** Whether {@code name} is an ASCII Python identifier (what every generated name must be). */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    /**
     * A snake_case identifier that is valid Python: accents removed, other characters replaced by {@code _}, not a
     * keyword or builtin, not starting with a digit, at most {@link #MAX_LENGTH} characters; {@code fallback}
     * (itself sanitised) when nothing is left.
     */
    public static String sanitize(String candidate, String fallback) {
        String s = Normalizer.normalize(candidate, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_");
        s = s.replaceAll("^_+|_+$", "");
        if (s.isEmpty()) {
            s = fallback.equals(candidate) || fallback.isEmpty() ? "value" : sanitize(fallback, "value");
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "n" + s;
        }
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (KEYWORDS.contains(s) || BUILTINS.contains(s)) {
            s = s + "_";
        }
        return s;
    }

    /** A package name for {@link #packageName(String, Set)} when the notebook imports nothing. */
    public static String packageName(String text) {
        return packageName(text, Set.of());
    }

    /**
     * A package name: lower snake case, valid, at most {@link #MAX_LENGTH} characters, {@code pipeline} when
     * nothing is usable. A name that is a keyword or builtin, a standard library module, a module in
     * {@code imported} (the notebook's own imports: {@code pandas.ipynb} must not shadow pandas), a module the
     * generated files import, a generated test module or a Windows device name gets {@code _pkg} appended.
     */
    public static String packageName(String text, Set<String> imported) {
        String s = String.join("_", words(text)).toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return "pipeline";
        }
        if (Character.isDigit(s.charAt(0))) {
            s = "n" + s;
        }
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (KEYWORDS.contains(s) || BUILTINS.contains(s) || StandardLibrary.contains(s) || TAKEN_PACKAGES.contains(s)
            || imported.contains(s)) {
            s = s + "_pkg";
        }
        return s;
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

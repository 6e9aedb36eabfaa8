package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.notebook.Cell;
import dev.nb2prod.notebook.CodeCell;
import dev.nb2prod.notebook.Notebook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notebook's own {@code assert} statements, as tests of the stage whose data they check. An assert becomes a
 * test when every name it reads is a value some step returns before its cell (the latest such step gives the
 * value, as in the notebook), a module the steps import, or a builtin; the test goes to the stage of the latest of
 * those steps and runs on the fixture data. Left out: asserts about the environment (versions, {@code sys}), and
 * asserts that compare a size or a total with a number, which hold on the notebook's data but not on a sample of it.
 */
public final class NotebookAsserts {
    private static final Pattern ASSERT = Pattern.compile("^assert\\s+(.+?)\\s*$");
    private static final Pattern STRING = Pattern.compile("(?s)[rbfuRBFU]{0,2}('[^'\\n]*'|\"[^\"\\n]*\")");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
    private static final Pattern ENVIRONMENT = Pattern.compile("__version__|\\bsys\\b|version_info|platform|os\\.");
    private static final Pattern SIZE_AGAINST_NUMBER = Pattern.compile(
        "(len\\(|\\.shape|\\.size|\\.count\\(|\\.sum\\(|nunique|\\.mean\\(|\\.std\\()"
            + "(?=.*(?<![\\w.])(?:[2-9]|\\d{2,}|\\d*\\.\\d+))");
    private static final Set<String> BUILTINS = Set.of("and", "or", "not", "in", "is", "None", "True", "False",
        "lambda", "for", "if", "else", "len", "abs", "all", "any", "isinstance", "set", "list", "dict", "sorted", "sum",
        "min", "max", "round", "type", "int", "float", "str", "tuple", "range", "enumerate", "zip", "bool", "map",
        "filter", "hasattr", "getattr", "callable", "frozenset", "reversed");

    /**
     * One assert as a test.
     *
     * @param cell the notebook cell, numbered from 1
     * @param condition the asserted expression (and its message, if any), as written
     * @param owner the step whose stage gets the test
     * @param values the names it reads and the step whose result holds each
     * @param imports the import statements of the modules it uses
     */
    public record Check(int cell, String condition, StageFunction owner, Map<String, StageFunction> values,
        List<String> imports) {}

    private NotebookAsserts() {}

    /**
     * The asserts that become tests.
     *
     * @param columns the columns of the input files (a column the assert names must be one of them, or be named
     *     by the package's code: a column only dropped code computed would make the test fail)
     */
    public static List<Check> find(Notebook notebook, ExtractionPlan plan, Set<String> columns) {
        Set<String> known = new java.util.HashSet<>(columns);
        for (StageFunction function : plan.functions()) {
            Matcher word = Pattern.compile("\\w+").matcher(function.body());
            while (word.find()) {
                known.add(word.group());
            }
        }
        Map<String, String> modules = new LinkedHashMap<>();
        for (StageFunction function : plan.functions()) {
            for (String line : function.imports()) {
                boundName(line).ifPresent(name -> modules.putIfAbsent(name, line.strip()));
            }
        }
        for (Cell cell : notebook.cells()) {
            if (cell instanceof CodeCell code && code.executionCount().isPresent()) {
                for (String line : code.source().text().split("\n")) {
                    boundName(line).ifPresent(name -> modules.putIfAbsent(name, line.strip()));
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Cell cell : notebook.cells()) {
            if (!(cell instanceof CodeCell code) || code.executionCount().isEmpty()) {
                continue;
            }
            for (String line : code.source().text().split("\n")) {
                Matcher m = ASSERT.matcher(line);
                if (m.matches() && balanced(m.group(1))) {
                    if (namesKnown(m.group(1), known)) {
                        check(code.index(), m.group(1), plan, modules).ifPresent(checks::add);
                    }
                }
            }
        }
        return checks;
    }

    private static Optional<Check> check(int cell, String condition, ExtractionPlan plan, Map<String, String> modules) {
        if (ENVIRONMENT.matcher(condition).find() || SIZE_AGAINST_NUMBER.matcher(condition).find()) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(STRING.matcher(condition).replaceAll("''"));
        while (m.find()) {
            names.add(m.group(1));
        }
        Map<String, StageFunction> values = new LinkedHashMap<>();
        List<String> imports = new ArrayList<>();
        StageFunction owner = null;
        for (String name : names) {
            if (BUILTINS.contains(name)) {
                continue;
            }
            if (modules.containsKey(name)) {
                imports.add(modules.get(name));
                continue;
            }
            StageFunction producer = latestProducer(plan, name, cell);
            if (producer == null) {
                return Optional.empty();
            }
            values.put(name, producer);
            if (owner == null || plan.functions().indexOf(producer) > plan.functions().indexOf(owner)) {
                owner = producer;
            }
        }
        return owner == null ? Optional.empty() : Optional.of(new Check(cell + 1, condition, owner, values, imports));
    }

    /**
     * The step whose result is the value the name has at the cell: the latest step before it returning the name,
     * unless a step after that one changes the name without returning it (then no step holds that value: null).
     */
    private static StageFunction latestProducer(ExtractionPlan plan, String name, int cell) {
        StageFunction latest = null;
        boolean changedSince = false;
        Pattern changes = Pattern.compile("(?m)^\\s*" + Pattern.quote(name)
            + "\\s*(=[^=]|\\[[^\\n]*]\\s*=[^=]|\\.\\w+\\s*=[^=]|\\.\\w+\\([^\\n]*inplace\\s*=\\s*True)");
        for (StageFunction function : plan.functions()) {
            boolean before = !function.cells().isEmpty() && function.cells().stream().allMatch(c -> c <= cell);
            boolean partlyBefore = function.cells().stream().anyMatch(c -> c < cell);
            if (before && function.returns().stream().map(Returned::name).anyMatch(name::equals)) {
                latest = function;
                changedSince = false;
            } else if (partlyBefore && changes.matcher(function.body()).find()) {
                changedSince = true;
            }
        }
        return changedSince ? null : latest;
    }

    /** True when every column the condition names (an attribute that is not called, a string) is known. */
    private static boolean namesKnown(String condition, Set<String> known) {
        Matcher attribute = Pattern.compile("\\.([A-Za-z_]\\w*)\\b(?!\\s*\\()").matcher(condition);
        while (attribute.find()) {
            if (!known.contains(attribute.group(1))) {
                return false;
            }
        }
        Matcher string = Pattern.compile("\\[\\s*['\"]([^'\"]+)['\"]\\s*]").matcher(condition);
        while (string.find()) {
            if (!known.contains(string.group(1))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> boundName(String importLine) {
        Matcher plain = Pattern.compile("^\\s*import\\s+([\\w.]+)(?:\\s+as\\s+(\\w+))?\\s*$").matcher(importLine);
        if (plain.matches()) {
            return Optional.of(plain.group(2) != null ? plain.group(2) : plain.group(1).split("\\.")[0]);
        }
        Matcher from = Pattern.compile("^\\s*from\\s+[\\w.]+\\s+import\\s+(\\w+)(?:\\s+as\\s+(\\w+))?\\s*$")
            .matcher(importLine);
        return from.matches() ? Optional.of(from.group(2) != null ? from.group(2) : from.group(1)) : Optional.empty();
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0 && !text.endsWith("\\") && !text.endsWith(",");
    }
}

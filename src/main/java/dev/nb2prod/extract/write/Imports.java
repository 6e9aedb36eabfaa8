package dev.nb2prod.extract.write;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gathers import statements for one generated module: parses {@code import a as b} and {@code from m import x},
 * drops duplicates and imports no code uses, merges the names of one module and sorts them in isort's groups
 * (standard library, then third party, then local), plain imports before {@code from} imports in each group.
 */
public final class Imports {
    private static final Set<String> STDLIB = loadStdlib();
    private static final Pattern PLAIN = Pattern.compile("import\\s+(.+)");
    private static final Pattern FROM = Pattern.compile("from\\s+(\\S+)\\s+import\\s+(.+)");

    /** {@code import module [as alias]}. */
    private record Plain(String module, String alias) {
        String bound() {
            return alias.isEmpty() ? module.split("\\.")[0] : alias;
        }

        String render() {
            return "import " + module + (alias.isEmpty() ? "" : " as " + alias);
        }
    }

    private final Set<Plain> plain = new TreeSet<>((a, b) -> a.render().compareTo(b.render()));
    private final Map<String, Set<String>> from = new TreeMap<>();
    private final List<String> unparsed = new ArrayList<>();
    private final Set<String> local = new TreeSet<>();

    /** Treats a top-level package as local (the generated package itself, in tests and orchestrator files). */
    public Imports local(String packageName) {
        local.add(packageName);
        return this;
    }

    /** Adds import statements, one per line (a line that is not an import is ignored). */
    public Imports addAll(Collection<String> lines) {
        lines.forEach(this::add);
        return this;
    }

    /** Adds one import statement. */
    public Imports add(String line) {
        String text = stripComment(line).strip();
        Matcher f = FROM.matcher(text);
        if (f.matches()) {
            String names = f.group(2).replace("(", "").replace(")", "").strip();
            for (String name : names.split(",")) {
                String n = name.strip().replaceAll("\\s+", " ");
                if (!n.isEmpty()) {
                    from.computeIfAbsent(f.group(1), k -> new TreeSet<>()).add(n);
                }
            }
            return this;
        }
        Matcher p = PLAIN.matcher(text);
        if (p.matches()) {
            for (String part : p.group(1).split(",")) {
                String[] words = part.strip().split("\\s+as\\s+");
                if (!words[0].isEmpty()) {
                    plain.add(new Plain(words[0].strip(), words.length > 1 ? words[1].strip() : ""));
                }
            }
            return this;
        }
        if (!text.isEmpty()) {
            unparsed.add(text);
        }
        return this;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** Keeps only the imports whose bound name appears in the code (star imports are always kept). */
    public Imports usedIn(String code) {
        plain.removeIf(p -> !uses(code, p.bound()));
        for (Map.Entry<String, Set<String>> entry : from.entrySet()) {
            entry.getValue().removeIf(n -> !n.equals("*") && !uses(code, bound(n)));
        }
        from.values().removeIf(Set::isEmpty);
        return this;
    }

    private static String bound(String fromName) {
        String[] words = fromName.split(" as ");
        return words.length > 1 ? words[1].strip() : words[0].strip();
    }

    /** True when {@code name} occurs in code as a name (not as an attribute {@code x.name}). */
    public static boolean uses(String code, String name) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)").matcher(code).find();
    }

    /** The names the imports bind. */
    public Set<String> boundNames() {
        Set<String> names = new TreeSet<>();
        plain.forEach(p -> names.add(p.bound()));
        from.values().forEach(ns -> ns.forEach(n -> names.add(bound(n))));
        return names;
    }

    public boolean isEmpty() {
        return plain.isEmpty() && from.isEmpty() && unparsed.isEmpty();
    }

    /** The sorted import block, groups separated by a blank line, ending with a newline (empty when none). */
    public String render() {
        List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        from.keySet().stream().filter(m -> m.equals("__future__"))
            .forEach(m -> groups.get(0).add(renderFrom(m, from.get(m))));
        for (Plain p : plain) {
            groups.get(group(p.module())).add(p.render());
        }
        for (Map.Entry<String, Set<String>> entry : from.entrySet()) {
            if (!entry.getKey().equals("__future__")) {
                groups.get(group(entry.getKey())).add(renderFrom(entry.getKey(), entry.getValue()));
            }
        }
        groups.get(3).addAll(unparsed);
        return groups.stream().filter(g -> !g.isEmpty()).map(g -> String.join("\n", g) + "\n")
            .collect(Collectors.joining("\n"));
    }

    private int group(String module) {
        if (module.startsWith(".") || local.contains(module.split("\\.")[0])) {
            return 3;
        }
        return STDLIB.contains(module.split("\\.")[0]) ? 1 : 2;
    }

    private static String renderFrom(String module, Set<String> names) {
        String head = "from " + module + " import ";
        String oneLine = head + String.join(", ", names);
        if (oneLine.length() <= PyText.MAX_LINE) {
            return oneLine;
        }
        return head + "(\n" + names.stream().map(n -> "    " + n + ",\n").collect(Collectors.joining()) + ")";
    }

    /** True for a top-level module of the Python standard library. */
    public static boolean isStdlib(String module) {
        return STDLIB.contains(module.split("\\.")[0]);
    }

    private static Set<String> loadStdlib() {
        try (InputStream in = Imports.class.getResourceAsStream("/extract/stdlib-modules.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /extract/stdlib-modules.txt");
            }
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(s -> !s.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

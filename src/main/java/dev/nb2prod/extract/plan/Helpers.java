package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.Stage;
import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Param;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.FunctionInfo;
import dev.nb2prod.python.names.NameAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves the functions and classes a notebook defines in its cells to module level of the stage module that first
 * uses them. A function that reads notebook variables (a global {@code df}) gets them as keyword-only parameters and
 * every call passes them ({@code segment_churn('plan')} → {@code segment_churn('plan', df=df)}), which is what the
 * global read did at call time. A definition stays inside its step function when moving it would change what it
 * does: it assigns globals, reads configuration, is defined twice, is used other than by calling it while it needs
 * notebook variables, or takes {@code **kwargs}.
 */
public final class Helpers {
    private final PythonFrontEnd frontEnd;
    private final NameAnalyzer analyzer = new NameAnalyzer();

    public Helpers(PythonFrontEnd frontEnd) {
        this.frontEnd = frontEnd;
    }

    /**
     * What moved.
     *
     * @param helpers the definitions now at module level, in notebook order
     * @param units the units without them, call sites rewritten; definitions that stay are ordinary code units
     */
    public record Moved(List<Helper> helpers, List<Unit> units) {
        public Moved {
            helpers = List.copyOf(helpers);
            units = List.copyOf(units);
        }
    }

    /**
     * @param moduleNames names bound by imports, the builtins and what the generated modules define (logger): a
     *     definition may read them at module level
     * @param importLines import statements by the name they bind
     */
    public Moved move(List<Unit> units, Set<String> moduleNames, Map<String, List<String>> importLines) {
        Map<String, Unit> definitions = new LinkedHashMap<>();
        Map<String, Integer> definedTimes = new HashMap<>();
        for (Unit u : units) {
            if (u.kind() == Unit.Kind.DEFINITION) {
                String name = definedName(u);
                definitions.put(name, u);
                definedTimes.merge(name, 1, Integer::sum);
            }
        }
        for (Unit u : units) {
            // a name bound by ordinary code too (a variable, an import) is not the function's alone
            if (u.kind() != Unit.Kind.DEFINITION) {
                u.names().defines().forEach(n -> definedTimes.merge(n, 2, Integer::sum));
            }
        }
        Map<String, Set<String>> extra = new LinkedHashMap<>();
        Set<String> movable = new TreeSet<>();
        Set<String> withKwargs = new TreeSet<>();
        for (Map.Entry<String, Unit> entry : definitions.entrySet()) {
            String name = entry.getKey();
            Unit unit = entry.getValue();
            Stmt def = unit.code().body().get(0);
            FunctionInfo info = unit.names().functions().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElse(null);
            Set<String> free = new TreeSet<>(info != null ? info.reads() : unit.names().uses());
            free.removeAll(moduleNames);
            free.removeAll(definitions.keySet());
            // defaults, decorators, annotations and bases are read when the definition runs: at module level
            Set<String> atDefinition = definitionTimeReads(def);
            atDefinition.removeAll(moduleNames);
            atDefinition.removeAll(definitions.keySet());
            boolean globals = info != null && !info.globalWrites().isEmpty();
            if (def instanceof Stmt.FunctionDef f) {
                f.params().forEach(p -> free.remove(p.name()));
                if (f.params().stream().anyMatch(p -> p.kind() == Param.Kind.VAR_KEYWORD)) {
                    withKwargs.add(name);
                }
            }
            boolean classReadsData = def instanceof Stmt.ClassDef && !free.isEmpty();
            if (definedTimes.getOrDefault(name, 0) == 1 && !globals && !free.contains("params") && !classReadsData
                && atDefinition.isEmpty()) {
                movable.add(name);
                extra.put(name, free);
            }
        }
        // a helper calling another passes on what the other needs; one that stays inline keeps its callers inline
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : List.copyOf(movable)) {
                Unit unit = definitions.get(name);
                Set<String> reads = readsOf(unit, name);
                for (String other : definitions.keySet()) {
                    if (other.equals(name) || !reads.contains(other)) {
                        continue;
                    }
                    if (!movable.contains(other)) {
                        movable.remove(name);
                        changed = true;
                        break;
                    }
                    if (extra.get(name).addAll(extra.get(other))) {
                        changed = true;
                    }
                }
            }
            for (String name : List.copyOf(movable)) {
                boolean needs = !extra.get(name).isEmpty();
                if (needs && (withKwargs.contains(name) || !onlyCalled(name, units))) {
                    movable.remove(name);
                    changed = true;
                }
            }
        }
        Map<String, java.util.Optional<Stage>> modules = modules(movable, definitions, units);
        List<Helper> helpers = new ArrayList<>();
        List<Unit> remaining = new ArrayList<>();
        for (Unit u : units) {
            if (u.kind() == Unit.Kind.DEFINITION && movable.contains(definedName(u))) {
                String name = definedName(u);
                String code = withParameters(u.withText(CallArguments.append(u.text(), u.code(), needed(u, extra,
                    movable)), u.code(), u.names()), extra.get(name));
                Set<String> reads = new TreeSet<>(readsOf(u, name));
                reads.addAll(u.names().uses());
                List<String> imports = new ArrayList<>(importsOf(reads, importLines));
                if (modules.get(name).isPresent()) {
                    for (String other : movable) {
                        if (modules.get(other).isEmpty() && !other.equals(name) && readsOf(u, name).contains(other)) {
                            imports.add("from ." + ExtractionPlan.SHARED_MODULE + " import " + other);
                        }
                    }
                }
                helpers.add(new Helper(name, modules.get(name), u.cell(), code, imports));
            } else {
                remaining.add(withCallsIn(u, extra, movable));
            }
        }
        helpers.sort(Comparator.comparingInt(Helper::cell));
        return new Moved(helpers, remaining);
    }

    /** The names a def or class statement reads when it runs: decorators, defaults, annotations, bases. */
    private static Set<String> definitionTimeReads(Stmt def) {
        List<dev.nb2prod.python.ast.Node> parts = new ArrayList<>();
        if (def instanceof Stmt.FunctionDef f) {
            parts.addAll(f.decorators());
            for (Param p : f.params()) {
                if (p.defaultValue() != null) {
                    parts.add(p.defaultValue());
                }
                if (p.annotation() != null) {
                    parts.add(p.annotation());
                }
            }
            if (f.returns() != null) {
                parts.add(f.returns());
            }
        } else if (def instanceof Stmt.ClassDef c) {
            parts.addAll(c.decorators());
            parts.addAll(c.bases());
        }
        Set<String> out = new TreeSet<>();
        for (var part : parts) {
            AstWalker.find(part, Expr.Name.class).forEach(n -> out.add(n.id()));
        }
        return out;
    }

    private static String definedName(Unit u) {
        return switch (u.code().body().get(0)) {
            case Stmt.FunctionDef f -> f.name();
            case Stmt.ClassDef c -> c.name();
            default -> "";
        };
    }

    private static Set<String> readsOf(Unit unit, String name) {
        return unit.names().functions().stream().filter(f -> f.name().equals(name)).findFirst()
            .map(FunctionInfo::reads).orElse(unit.names().uses());
    }

    /** True when every reference to {@code name} in the units is the function of a call. */
    private static boolean onlyCalled(String name, List<Unit> units) {
        for (Unit u : units) {
            Set<Expr> called = new HashSet<>();
            AstWalker.walk(u.code(), n -> {
                if (n instanceof Expr.Call c && c.func() instanceof Expr.Name f && f.id().equals(name)) {
                    called.add(c.func());
                }
            });
            boolean[] other = {false};
            AstWalker.walk(u.code(), n -> {
                if (n instanceof Expr.Name ref && ref.id().equals(name) && !called.contains(ref)) {
                    other[0] = true;
                }
            });
            if (other[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The module of each moved helper: the stage module when the code of one stage alone uses it, else the shared
     * module (used by several stages, or by another helper: stage modules never import each other).
     */
    private static Map<String, java.util.Optional<Stage>> modules(Set<String> movable, Map<String, Unit> definitions,
                                                                  List<Unit> units) {
        Map<String, java.util.Optional<Stage>> out = new HashMap<>();
        for (String name : movable) {
            Set<Stage> stages = new TreeSet<>();
            boolean byHelper = false;
            for (Unit u : units) {
                if (!mentions(u, name)) {
                    continue;
                }
                if (u.kind() == Unit.Kind.DEFINITION && movable.contains(definedName(u))) {
                    byHelper |= !definedName(u).equals(name);
                } else if (u.stage() != null) {
                    stages.add(u.stage());
                }
            }
            out.put(name, !byHelper && stages.size() == 1 ? java.util.Optional.of(stages.iterator().next())
                : java.util.Optional.empty());
        }
        return out;
    }

    private static boolean mentions(Unit u, String name) {
        return u.names().uses().contains(name) || u.names().functions().stream().anyMatch(f -> f.reads().contains(name))
            || Words.identifiers(u.text()).contains(name);
    }

    /** The definition with the notebook variables it reads appended as keyword-only parameters. */
    private static String withParameters(Unit unit, Set<String> names) {
        String text = unit.text();
        if (names.isEmpty() || !(unit.code().body().get(0) instanceof Stmt.FunctionDef f)) {
            return text;
        }
        SourceMap map = new SourceMap(text);
        int open = text.indexOf('(', map.start(f.span()) + ("def ".length()));
        int close = Brackets.closing(text, open);
        boolean star = f.params().stream().anyMatch(p -> p.kind() == Param.Kind.VAR_POSITIONAL
            || p.kind() == Param.Kind.KEYWORD_ONLY);
        String inside = text.substring(open + 1, close);
        String joined = String.join(", ", names);
        String added;
        if (inside.isBlank()) {
            added = "*, " + joined;
        } else {
            String trimmed = inside.stripTrailing();
            boolean comma = trimmed.endsWith(",");
            added = trimmed + (comma ? " " : ", ") + (star ? "" : "*, ") + joined;
        }
        return text.substring(0, open + 1) + added + text.substring(close);
    }

    /** The helpers a unit calls that need notebook variables, with those variables. */
    private static Map<String, Set<String>> needed(Unit unit, Map<String, Set<String>> extra, Set<String> movable) {
        Map<String, Set<String>> needed = new HashMap<>();
        Set<String> mentioned = Words.identifiers(unit.text());
        extra.forEach((name, names) -> {
            if (movable.contains(name) && !names.isEmpty() && mentioned.contains(name)) {
                needed.put(name, names);
            }
        });
        return needed;
    }

    private Unit withCallsIn(Unit unit, Map<String, Set<String>> extra, Set<String> movable) {
        Map<String, Set<String>> needed = needed(unit, extra, movable);
        if (needed.isEmpty()) {
            return unit;
        }
        String text = CallArguments.append(unit.text(), unit.code(), needed);
        ParsedCell parsed = frontEnd.parse(text);
        if (!(parsed instanceof ParsedCell.Parsed p)) {
            return unit;
        }
        return unit.withText(text, p.module(), analyzer.analyze(p.module()));
    }

    private static List<String> importsOf(Set<String> names, Map<String, List<String>> importLines) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            importLines.getOrDefault(name, List.of()).forEach(line -> {
                if (!out.contains(line)) {
                    out.add(line);
                }
            });
        }
        return out;
    }
}

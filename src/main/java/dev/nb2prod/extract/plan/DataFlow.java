package dev.nb2prod.extract.plan;

import dev.nb2prod.python.ParsedCell;
import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Module;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.names.CellNames;
import dev.nb2prod.python.names.FunctionInfo;
import dev.nb2prod.python.names.KnownNames;
import dev.nb2prod.python.names.NameAnalyzer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data flow between the step functions: for each group, the values it takes from earlier groups (its data
 * parameters), whether it reads configuration, the values it hands on (those later groups read, and the results
 * anchored in it) and the parameters it changes in place.
 */
public final class DataFlow {
    /** Names a body may read without a parameter: the module logger and modules the writer imports itself. */
    private static final Set<String> PROVIDED = Set.of("logger", "os", "save_figure");
    /** The name a body reads its configuration through. */
    static final String SETTINGS = "params";

    /**
     * The flow of one group.
     *
     * @param body the group's code (with its result lines)
     * @param names what the body defines, reads and mutates
     * @param inputs data parameters, in order of first use
     * @param settings true when the body reads {@code params}
     * @param returns the names it returns, in order of definition
     * @param mutated inputs the body changes in place
     * @param imports import-bound names it reads
     * @param undefined names it reads that nothing provides
     */
    public record Flow(String body, CellNames names, List<String> inputs, boolean settings, List<String> returns,
                       Set<String> mutated, Set<String> imports, List<String> undefined) {
        public Flow {
            inputs = List.copyOf(inputs);
            returns = List.copyOf(returns);
            mutated = Set.copyOf(mutated);
            imports = Set.copyOf(imports);
            undefined = List.copyOf(undefined);
        }
    }

    private DataFlow() {}

    /**
     * @param bodies the code of each group, in order
     * @param anchored per group, the result names it must return
     * @param helperNames functions and classes moved to module level (read without a parameter)
     * @param importNames names bound by the notebook's imports
     */
    public static List<Flow> of(List<String> bodies, List<Set<String>> anchored, Set<String> helperNames,
                                Set<String> importNames, PythonFrontEnd frontEnd) {
        NameAnalyzer analyzer = new NameAnalyzer();
        List<CellNames> names = new ArrayList<>();
        List<Set<String>> shadowedBuiltins = new ArrayList<>();
        for (String body : bodies) {
            ParsedCell parsed = frontEnd.parse(body);
            Module module = parsed instanceof ParsedCell.Parsed p ? p.module() : new Module(List.of(), Span.NONE);
            names.add(analyzer.analyze(module));
            shadowedBuiltins.add(builtinsImported(module, importNames));
        }
        int size = bodies.size();
        List<List<String>> inputs = new ArrayList<>();
        List<Boolean> settings = new ArrayList<>();
        List<Set<String>> returns = new ArrayList<>();
        List<Set<String>> mutated = new ArrayList<>();
        List<Set<String>> imports = new ArrayList<>();
        List<List<String>> undefined = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            inputs.add(new ArrayList<>());
            settings.add(false);
            returns.add(new LinkedHashSet<>());
            mutated.add(new TreeSet<>());
            imports.add(new TreeSet<>());
            undefined.add(new ArrayList<>());
        }
        Map<String, Integer> provider = new HashMap<>();
        for (int g = 0; g < size; g++) {
            CellNames n = names.get(g);
            for (String name : needed(n)) {
                if (name.equals(SETTINGS)) {
                    settings.set(g, true);
                } else if (provider.containsKey(name)) {
                    inputs.get(g).add(name);
                    returns.get(provider.get(name)).add(name);
                    if (n.mutates().contains(name) && !n.defines().contains(name)) {
                        mutated.get(g).add(name);
                    }
                } else if (importNames.contains(name)) {
                    imports.get(g).add(name);
                } else if (!helperNames.contains(name) && !PROVIDED.contains(name)) {
                    undefined.get(g).add(name);
                }
            }
            shadowedBuiltins.get(g).stream().filter(b -> !n.defines().contains(b)).forEach(imports.get(g)::add);
            for (String d : n.defines()) {
                provider.put(d, g);
            }
            for (String m : mutated.get(g)) {
                provider.put(m, g);
            }
        }
        // a changed input is handed on when a later group reads it (the later group's provider is this one)
        for (int g = 0; g < size; g++) {
            returns.get(g).addAll(anchored.get(g));
        }
        List<Flow> flows = new ArrayList<>();
        for (int g = 0; g < size; g++) {
            CellNames n = names.get(g);
            List<String> ordered = new ArrayList<>(returns.get(g));
            ordered.sort((a, b) -> n.firstDefinition().getOrDefault(a, n.firstMutation().getOrDefault(a, Span.NONE))
                .compareTo(n.firstDefinition().getOrDefault(b, n.firstMutation().getOrDefault(b, Span.NONE))));
            flows.add(new Flow(bodies.get(g), n, inputs.get(g), settings.get(g), ordered, mutated.get(g),
                imports.get(g), undefined.get(g)));
        }
        return flows;
    }

    /** What a body needs from outside, in order of first use: reads, in-place changes, nested functions' reads. */
    /**
     * Builtin names the body reads that a notebook import rebinds ({@code from six.moves import xrange},
     * {@code from functools import reduce}): the name analysis resolves them to the builtins, the package needs
     * the import.
     */
    private static Set<String> builtinsImported(Module module, Set<String> importNames) {
        Set<String> found = new TreeSet<>();
        AstWalker.walk(module, node -> {
            if (node instanceof Expr.Name name && importNames.contains(name.id()) && KnownNames.isBuiltin(name.id())) {
                found.add(name.id());
            }
        });
        return found;
    }

    private static List<String> needed(CellNames n) {
        Set<String> needed = new TreeSet<>(n.uses());
        n.mutates().stream().filter(m -> !n.defines().contains(m)).forEach(needed::add);
        for (FunctionInfo f : n.functions()) {
            f.reads().stream().filter(r -> !n.defines().contains(r)).forEach(needed::add);
        }
        List<String> ordered = new ArrayList<>(needed);
        ordered.sort((a, b) -> n.firstUse().getOrDefault(a, n.firstMutation().getOrDefault(a, Span.NONE))
            .compareTo(n.firstUse().getOrDefault(b, n.firstMutation().getOrDefault(b, Span.NONE))));
        return ordered;
    }

    /** Names bound as the target of a top-level {@code for} loop of a body (and nowhere else in it). */
    public static Set<String> loopVariables(Module body) {
        Set<String> loops = new TreeSet<>();
        Set<String> other = new TreeSet<>();
        for (Stmt s : body.body()) {
            if (s instanceof Stmt.For f) {
                dev.nb2prod.python.ast.AstWalker.find(f.target(), dev.nb2prod.python.ast.Expr.Name.class)
                    .forEach(n -> loops.add(n.id()));
            } else if (s instanceof Stmt.Assign a) {
                a.targets().forEach(t -> dev.nb2prod.python.ast.AstWalker.find(t, dev.nb2prod.python.ast.Expr.Name.class)
                    .forEach(n -> other.add(n.id())));
            }
        }
        loops.removeAll(other);
        return loops;
    }
}

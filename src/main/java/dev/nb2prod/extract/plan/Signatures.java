package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The signature pass: for each group and its data flow, the parameters (values from earlier steps with their
 * type hints, then the stage's settings object), the returned values with their hints, the DataFrames and arrays
 * copied on entry because the body changes them in place, the body (with the imports it must make locally) and
 * the module-level imports it needs.
 */
public final class Signatures {
    private static final Set<String> BUILTIN_TYPES = Set.of("int", "float", "str", "bool", "list", "dict", "bytes");

    /**
     * One function's signature.
     *
     * @param parameters data parameters, then {@code params} when it reads settings
     * @param returns returned names with hints
     * @param copiedOnEntry parameters copied before the body changes them
     * @param body the body, local imports first
     * @param imports module-level import lines
     */
    public record Signature(List<Parameter> parameters, List<Returned> returns, List<String> copiedOnEntry,
                            String body, List<String> imports) {
        public Signature {
            parameters = List.copyOf(parameters);
            returns = List.copyOf(returns);
            copiedOnEntry = List.copyOf(copiedOnEntry);
            imports = List.copyOf(imports);
        }
    }

    private static final dev.nb2prod.python.PythonFrontEnd FRONT_END = new dev.nb2prod.python.SonarPythonFrontEnd();
    private final Map<String, List<String>> importLines;
    private final List<Helper> helpers;

    public Signatures(Map<String, List<String>> importLines, List<Helper> helpers) {
        this.importLines = importLines;
        this.helpers = List.copyOf(helpers);
    }

    /**
     * @param typesAfter the type hints known at the end of a group, by name
     * @param kinds the kind of each result, by name
     * @param savedFigures cells whose figure group saves its figure
     */
    public List<Signature> of(List<Group> groups, List<DataFlow.Flow> flows,
                              Function<Group, Map<String, String>> typesAfter, Map<String, ResultKind> kinds,
                              Set<Integer> savedFigures) {
        List<Signature> out = new ArrayList<>();
        Map<String, String> typeOfReturned = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            DataFlow.Flow flow = flows.get(i);
            Map<String, String> typesHere = typesAfter.apply(g);
            Set<String> hintRoots = new TreeSet<>();
            List<Parameter> parameters = new ArrayList<>();
            for (String input : flow.inputs()) {
                String hint = hint(typeOfReturned.getOrDefault(input, ""));
                parameters.add(new Parameter(input, hint, false));
                root(hint).ifPresent(hintRoots::add);
            }
            if (flow.settings()) {
                parameters.add(new Parameter(DataFlow.SETTINGS, settingsClass(g.stage()), true));
            }
            List<Returned> returns = new ArrayList<>();
            for (String r : flow.returns()) {
                String hint = kinds.get(r) == ResultKind.FIGURE ? "str" : hint(typesHere.getOrDefault(r, ""));
                returns.add(new Returned(r, hint));
                root(hint).ifPresent(hintRoots::add);
                typeOfReturned.put(r, hint);
            }
            List<String> copied = new ArrayList<>();
            for (Parameter p : parameters) {
                if (flow.mutated().contains(p.name()) && (p.typeHint().endsWith(".DataFrame")
                    || p.typeHint().endsWith(".Series") || p.typeHint().endsWith(".ndarray"))) {
                    copied.add(p.name());
                }
            }
            Set<String> imports = new LinkedHashSet<>();
            List<String> localImports = new ArrayList<>();
            for (String name : flow.imports()) {
                if (flow.inputs().contains(name)) {
                    continue;
                }
                // an imported name the body rebinds (routes = routes[...]) is local to the function: import it there
                List<String> lines = importLines.getOrDefault(name, List.of());
                if (flow.names().defines().contains(name)) {
                    lines.stream().filter(l -> !localImports.contains(l)).forEach(localImports::add);
                } else {
                    imports.addAll(lines);
                }
            }
            String body = localImports.isEmpty() ? flow.body() : String.join("\n", localImports) + "\n" + flow.body();
            // a loop variable a later step reads is bound before the loop: returning it never raises
            // UnboundLocalError when the loop does not run
            Set<String> loops = new TreeSet<>(DataFlow.loopVariables(flow.names().functions().isEmpty()
                ? parse(flow.body()) : parse(flow.body())));
            loops.retainAll(flow.returns());
            loops.removeAll(flow.inputs());
            if (!loops.isEmpty()) {
                body = String.join("\n", loops.stream().map(l -> l + " = None  # set by the loop below").toList())
                    + "\n" + body;
            }
            if (flow.body().contains("os.environ") && !importLines.containsKey("os")) {
                imports.add("import os");
            }
            if (flow.body().contains("copy.deepcopy(")) {
                imports.add("import copy");
            }
            if (g.draws() && savedFigures.contains(g.figure()) || flow.body().contains("save_figure(")) {
                imports.add("from .artifacts import save_figure");
            }
            for (String r : hintRoots) {
                imports.addAll(importLines.getOrDefault(r, List.of()));
            }
            for (Helper h : helpers) {
                if ((flow.names().uses().contains(h.name()) || flow.names().functions().stream()
                    .anyMatch(f -> f.reads().contains(h.name()))) && !h.module().equals(g.stage().module())) {
                    imports.add("from ." + h.module() + " import " + h.name());
                }
            }
            out.add(new Signature(parameters, returns, copied, body, List.copyOf(imports)));
        }
        return out;
    }

    private static dev.nb2prod.python.ast.Module parse(String body) {
        return FRONT_END.parse(body) instanceof dev.nb2prod.python.ParsedCell.Parsed p ? p.module()
            : new dev.nb2prod.python.ast.Module(List.of(), dev.nb2prod.python.ast.Span.NONE);
    }

    /** The class of a stage's settings object, e.g. {@code TrainingParams}. */
    public static String settingsClass(Stage stage) {
        String module = stage.module();
        return Character.toUpperCase(module.charAt(0)) + module.substring(1) + "Params";
    }

    private static Optional<String> root(String hint) {
        if (hint.isEmpty() || BUILTIN_TYPES.contains(hint)) {
            return Optional.empty();
        }
        int dot = hint.indexOf('.');
        return Optional.of(dot < 0 ? hint : hint.substring(0, dot));
    }

    /** A hint only when the module or class it names can be imported; else empty. */
    private String hint(String hint) {
        return root(hint).map(r -> importLines.containsKey(r) ? hint : "").orElse(hint);
    }
}

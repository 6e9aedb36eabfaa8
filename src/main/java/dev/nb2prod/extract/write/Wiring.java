package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.Settings;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the functions of a plan are chained: for every parameter, the earlier function whose result feeds it or the
 * stage's settings object; for every result of the pipeline, the function that returns it (or pipeline.py itself:
 * a saved model's file, a written file's path). Renders the calls for pipeline.py, the test fixtures and the
 * orchestrator files, which all chain the same functions.
 */
public final class Wiring {
    /** Where a parameter's value comes from: the stage's settings, or a name returned by an earlier function. */
    public sealed interface Source {
        record Settings(ExtractionPlan.Settings settings) implements Source {}

        record Produced(StageFunction producer, String name) implements Source {}

        /** An earlier function's whole NamedTuple result, of which the function reads {@code fields}. */
        record Bundle(StageFunction producer, List<String> fields) implements Source {}
    }

    private final ExtractionPlan plan;
    private final Map<StageFunction, Map<String, Source>> sources = new LinkedHashMap<>();
    private final Map<String, StageFunction> resultProducers = new LinkedHashMap<>();

    /** Resolves the plan; an inconsistent plan (a bug of the planner) is an IllegalStateException. */
    public Wiring(ExtractionPlan plan) {
        this.plan = plan;
        Map<String, StageFunction> latest = new HashMap<>();
        Set<String> functionNames = new LinkedHashSet<>();
        for (StageFunction function : plan.functions()) {
            if (!functionNames.add(function.name())) {
                throw new IllegalStateException("plan has two functions named " + function.name());
            }
            Map<String, Source> map = new LinkedHashMap<>();
            for (Parameter parameter : function.parameters()) {
                if (parameter.settings()) {
                    Settings settings = plan.settings(function.stage()).orElseThrow(() -> new IllegalStateException(
                        function.name() + " reads settings, but stage " + function.stage() + " has none"));
                    map.put(parameter.name(), new Source.Settings(settings));
                } else if (parameter.bundle()) {
                    StageFunction producer = latest.get(parameter.fields().get(0));
                    if (producer == null || producer.resultClass().isEmpty() || !parameter.fields().stream()
                        .allMatch(f -> latest.get(f) == producer)) {
                        throw new IllegalStateException("parameter " + parameter.name() + " of " + function.name()
                            + " is not the NamedTuple result of one earlier function");
                    }
                    map.put(parameter.name(), new Source.Bundle(producer, parameter.fields()));
                } else {
                    StageFunction producer = latest.get(parameter.name());
                    if (producer == null) {
                        throw new IllegalStateException("parameter " + parameter.name() + " of " + function.name()
                            + " is not returned by an earlier function");
                    }
                    map.put(parameter.name(), new Source.Produced(producer, parameter.name()));
                }
            }
            sources.put(function, map);
            for (Returned returned : function.returns()) {
                latest.put(returned.name(), function);
            }
        }
        for (PlanResult result : plan.results()) {
            if (result.function().isEmpty()) {
                continue;
            }
            StageFunction producer = latest.get(result.name());
            if (producer == null || !producer.name().equals(result.function())) {
                throw new IllegalStateException("result " + result.name() + " is not returned last by "
                    + result.function());
            }
            resultProducers.put(result.name(), producer);
        }
        Set<String> taken = new LinkedHashSet<>(functionNames);
        taken.add("config");
        taken.addAll(pathHelpers());
        plan.settings().forEach(s -> taken.add(settingsVariable(s.stage())));
        for (String name : latest.keySet()) {
            if (taken.contains(name)) {
                throw new IllegalStateException("returned name " + name + " clashes with a name pipeline.py uses");
            }
        }
    }

    public ExtractionPlan plan() {
        return plan;
    }

    public Map<String, Source> sources(StageFunction function) {
        return sources.get(function);
    }

    /** The function that returns each result run_pipeline returns from a function, in result order. */
    public Map<String, StageFunction> resultProducers() {
        return resultProducers;
    }

    /** The earlier functions whose results a function takes, in order of first use. */
    public List<StageFunction> upstream(StageFunction function) {
        Set<StageFunction> result = new LinkedHashSet<>();
        for (Source source : sources(function).values()) {
            if (source instanceof Source.Produced produced) {
                result.add(produced.producer());
            } else if (source instanceof Source.Bundle bundle) {
                result.add(bundle.producer());
            }
        }
        return new ArrayList<>(result);
    }

    /** True when the function reads configuration. */
    public boolean usesConfig(StageFunction function) {
        return function.settingsParameter().isPresent();
    }

    /** The variable pipeline.py holds a stage's settings in. */
    public static String settingsVariable(Stage stage) {
        return stage.module() + "_params";
    }

    /**
     * The import lines of the NamedTuple classes passed whole to later functions, for a file outside the package
     * ({@code prefix} the package name and a dot) or inside it ({@code "."}).
     */
    public List<String> bundleImports(String prefix) {
        Set<String> lines = new java.util.TreeSet<>();
        for (Map<String, Source> map : sources.values()) {
            for (Source source : map.values()) {
                if (source instanceof Source.Bundle b) {
                    lines.add("from " + prefix + b.producer().stage().module() + " import " + b.producer().resultClass());
                }
            }
        }
        return List.copyOf(lines);
    }

    /** The variable pipeline.py holds a function's NamedTuple result in. */
    public static String resultVariable(StageFunction function) {
        return function.name() + "_result";
    }

    /** The settings classes pipeline.py builds, in stage order. */
    public List<Settings> usedSettings() {
        Set<Stage> used = new java.util.TreeSet<>();
        plan.functions().stream().filter(this::usesConfig).forEach(f -> used.add(f.stage()));
        return plan.settings().stream().filter(s -> used.contains(s.stage())).toList();
    }

    /**
     * The helpers of the generated config module pipeline.py needs: {@code output_path} for the saved models and
     * the written files it returns.
     */
    public List<String> pathHelpers() {
        boolean output = plan.results().stream().anyMatch(r -> r.kind() == ResultKind.MODEL_FILE
            || r.kind() == ResultKind.FILE);
        return output ? List.of("output_path") : List.of();
    }

    /** True when pipeline.py saves models. */
    public boolean savesModels() {
        return plan.results().stream().anyMatch(r -> r.kind() == ResultKind.MODEL_FILE);
    }

    /** The Python expression reading a configuration key from the dict named {@code configVar}. */
    public static String configExpression(ConfigKey key, String configVar) {
        return switch (key.path()) {
            case INPUT -> "config_path(" + configVar + ", " + PyText.quote(key.key()) + ")";
            case OUTPUT -> "output_path(" + configVar + ", " + PyText.quote(key.key()) + ")";
            case NONE -> "require(" + configVar + ", " + PyText.quote(key.key()) + ")";
        };
    }

    /** The Python type of a settings field. */
    public static String typeOf(ConfigKey key) {
        return key.isPath() ? "str" : switch (key.pythonType()) {
            case "int", "float", "bool", "str" -> key.pythonType();
            default -> "object";
        };
    }

    /** The Python type of a parameter: its hint, else empty. */
    public static String typeOf(Parameter parameter) {
        return parameter.typeHint();
    }

    /**
     * The statement calling a function: {@code a, b = callee(x=..., params=...)} or, for a NamedTuple result,
     * {@code callee_result = callee(...)}; indented, wrapped when long.
     *
     * @param callee how to name the function, e.g. {@code load_data} or {@code ingestion.load_data}
     * @param produced the expression for a value returned by an earlier function
     * @param settings the expression for a stage's settings object
     * @param target how to bind the result (e.g. {@code a, b} or {@code load_data_result}); empty for none
     */
    public String call(StageFunction function, int indent, String callee, Function<Source.Produced, String> produced,
                       Function<Source.Bundle, String> bundled, Function<Settings, String> settings, String target) {
        return call(function, indent, callee, List.of(), produced, bundled, settings, target);
    }

    /** As {@link #call}, with {@code leading} positional arguments before the keyword ones. */
    public String call(StageFunction function, int indent, String callee, List<String> leading,
                       Function<Source.Produced, String> produced, Function<Source.Bundle, String> bundled,
                       Function<Settings, String> settings, String target) {
        List<String> args = new ArrayList<>(leading);
        for (Map.Entry<String, Source> entry : sources(function).entrySet()) {
            String value = switch (entry.getValue()) {
                case Source.Settings s -> settings.apply(s.settings());
                case Source.Produced p -> produced.apply(p);
                case Source.Bundle b -> bundled.apply(b);
            };
            args.add(entry.getKey() + "=" + value);
        }
        String head = (target.isEmpty() ? "" : target + " = ") + callee;
        return PyText.call(indent, head, args, "");
    }

    /** How pipeline.py binds a function's result: its names, or one variable for a NamedTuple. */
    public static String pipelineTarget(StageFunction function) {
        if (!function.resultClass().isEmpty()) {
            return resultVariable(function);
        }
        return String.join(", ", function.returns().stream().map(Returned::name).toList());
    }

    /** In pipeline.py, the expression of a value returned by a function. */
    public static String pipelineValue(StageFunction producer, String name) {
        return producer.resultClass().isEmpty() ? name : resultVariable(producer) + "." + name;
    }

    /** The dict literal of a function's results from its return value {@code value}: {@code {"a": a}}. */
    public static String resultDict(StageFunction function, int indent, String prefix, String value) {
        List<String> items = new ArrayList<>();
        if (function.returns().size() == 1 && function.resultClass().isEmpty()) {
            items.add(PyText.quote(function.returns().get(0).name()) + ": " + value);
        } else {
            for (int i = 0; i < function.returns().size(); i++) {
                String name = function.returns().get(i).name();
                items.add(PyText.quote(name) + ": " + (function.resultClass().isEmpty() ? value + "[" + i + "]"
                    : value + "." + name));
            }
        }
        return dictLiteral(items, indent, prefix);
    }

    /** {@code prefix{item, item}}, one item per line when it does not fit. */
    public static String dictLiteral(List<String> items, int indent, String prefix) {
        String pad = " ".repeat(indent);
        String oneLine = pad + prefix + "{" + String.join(", ", items) + "}";
        if (oneLine.length() <= PyText.MAX_LINE) {
            return oneLine + "\n";
        }
        StringBuilder out = new StringBuilder(pad).append(prefix).append("{\n");
        items.forEach(i -> out.append(pad).append("    ").append(i).append(",\n"));
        return out.append(pad).append("}\n").toString();
    }

    /** The keys of the input files the settings read, in config order. */
    public List<ConfigKey> inputKeys() {
        Map<String, ConfigKey> out = new LinkedHashMap<>();
        for (Settings s : usedSettings()) {
            s.keys().stream().filter(k -> k.path() == PathRole.INPUT).forEach(k -> out.putIfAbsent(k.key(), k));
        }
        return new ArrayList<>(out.values());
    }
}

package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How the functions of a plan are chained: for every parameter, the configuration key or the earlier function
 * whose result feeds it; for every output of the pipeline, the function that last produces it. Renders the calls
 * for pipeline.py, the test fixtures and the orchestrator files, which all chain the same functions.
 */
public final class Wiring {
    /** Where a parameter's value comes from: a configuration key, or a name returned by an earlier function. */
    public sealed interface Source {
        record Config(ConfigKey key) implements Source {}

        record Produced(StageFunction producer, String name) implements Source {}
    }

    private final ExtractionPlan plan;
    private final Map<String, ConfigKey> config = new LinkedHashMap<>();
    private final Map<StageFunction, Map<String, Source>> sources = new LinkedHashMap<>();
    private final Map<String, StageFunction> outputProducers = new LinkedHashMap<>();

    /** Resolves the plan; an inconsistent plan (a bug of the planner) is an IllegalStateException. */
    public Wiring(ExtractionPlan plan) {
        this.plan = plan;
        plan.config().forEach(k -> config.put(k.key(), k));
        Map<String, StageFunction> latest = new HashMap<>();
        Set<String> functionNames = new LinkedHashSet<>();
        for (StageFunction function : plan.functions()) {
            if (!functionNames.add(function.name())) {
                throw new IllegalStateException("plan has two functions named " + function.name());
            }
            Map<String, Source> map = new LinkedHashMap<>();
            for (Parameter parameter : function.parameters()) {
                if (!parameter.configKey().isEmpty()) {
                    ConfigKey key = config.get(parameter.configKey());
                    if (key == null) {
                        key = ConfigYaml.root(parameter.configKey()).orElse(null);
                    }
                    if (key == null) {
                        throw new IllegalStateException("parameter " + parameter.name() + " of " + function.name()
                            + " reads config key " + parameter.configKey() + " that the plan does not define");
                    }
                    map.put(parameter.name(), new Source.Config(key));
                } else {
                    StageFunction producer = latest.get(parameter.name());
                    if (producer == null) {
                        throw new IllegalStateException("parameter " + parameter.name() + " of " + function.name()
                            + " is neither configuration nor returned by an earlier function");
                    }
                    map.put(parameter.name(), new Source.Produced(producer, parameter.name()));
                }
            }
            sources.put(function, map);
            for (Returned returned : function.returns()) {
                latest.put(returned.name(), function);
            }
        }
        for (String output : plan.outputs()) {
            StageFunction producer = latest.get(output);
            if (producer == null) {
                throw new IllegalStateException("pipeline output " + output + " is not returned by any function");
            }
            outputProducers.put(output, producer);
        }
        for (String name : latest.keySet()) {
            if (functionNames.contains(name) || name.equals("config") || pathHelpers().contains(name)) {
                throw new IllegalStateException("returned name " + name + " clashes with a name pipeline.py imports");
            }
        }
    }

    public ExtractionPlan plan() {
        return plan;
    }

    public Map<String, Source> sources(StageFunction function) {
        return sources.get(function);
    }

    /** The function that produces each pipeline output, in output order. */
    public Map<String, StageFunction> outputProducers() {
        return outputProducers;
    }

    /** The earlier functions whose results a function takes, in order of first use. */
    public List<StageFunction> upstream(StageFunction function) {
        Set<StageFunction> result = new LinkedHashSet<>();
        for (Source source : sources(function).values()) {
            if (source instanceof Source.Produced produced) {
                result.add(produced.producer());
            }
        }
        return new ArrayList<>(result);
    }

    /** True when the function reads configuration. */
    public boolean usesConfig(StageFunction function) {
        return sources(function).values().stream().anyMatch(s -> s instanceof Source.Config);
    }

    /**
     * The helpers of the generated config module the callers need: {@code config_path} when some function reads an
     * input path key, {@code output_path} when some function writes to an output path key.
     */
    public List<String> pathHelpers() {
        Set<PathRole> roles = new java.util.TreeSet<>();
        sources.values().stream().flatMap(m -> m.values().stream())
            .forEach(s -> {
                if (s instanceof Source.Config c) {
                    roles.add(c.key().path());
                }
            });
        List<String> helpers = new ArrayList<>();
        if (roles.contains(PathRole.INPUT)) {
            helpers.add("config_path");
        }
        if (roles.contains(PathRole.OUTPUT)) {
            helpers.add("output_path");
        }
        return helpers;
    }

    /** The Python expression reading a configuration key from the dict named {@code configVar}. */
    public static String configExpression(ConfigKey key, String configVar) {
        switch (key.path()) {
            case INPUT -> {
                return "config_path(" + configVar + ", " + PyText.quote(key.key()) + ")";
            }
            case OUTPUT -> {
                return "output_path(" + configVar + ", " + PyText.quote(key.key()) + ")";
            }
            case NONE -> { }
        }
        StringBuilder out = new StringBuilder(configVar);
        for (String part : key.key().split("\\.")) {
            out.append('[').append(PyText.quote(part)).append(']');
        }
        return out.toString();
    }

    /** The Python type of a parameter: its hint, else the config key's type, else empty. */
    public static String typeOf(Parameter parameter, Source source) {
        if (!parameter.typeHint().isEmpty()) {
            return parameter.typeHint();
        }
        if (source instanceof Source.Config c) {
            return c.key().isPath() ? "str" : c.key().pythonType();
        }
        return "";
    }

    /**
     * The statement calling a function: {@code a, b = callee(x=..., k=config[...])}, indented, wrapped when long.
     *
     * @param callee how to name the function, e.g. {@code load_data} or {@code ingestion.load_data}
     * @param produced the expression for a value returned by an earlier function
     * @param configVar the name of the configuration dict in scope
     */
    public String call(StageFunction function, int indent, String callee,
                       Function<Source.Produced, String> produced, String configVar) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, Source> entry : sources(function).entrySet()) {
            String value = switch (entry.getValue()) {
                case Source.Config c -> configExpression(c.key(), configVar);
                case Source.Produced p -> produced.apply(p);
            };
            args.add(entry.getKey() + "=" + value);
        }
        String targets = String.join(", ", function.returns().stream().map(Returned::name).toList());
        String head = (targets.isEmpty() ? "" : targets + " = ") + callee;
        return PyText.call(indent, head, args, "");
    }

    /** The dict literal of a function's results: {@code {"a": a, "b": b}}, wrapped when long. */
    public static String resultDict(StageFunction function, int indent, String prefix) {
        List<String> items = function.returns().stream()
            .map(r -> PyText.quote(r.name()) + ": " + r.name()).toList();
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

    /** The configuration key a function reads for a parameter, if any. */
    public Optional<ConfigKey> configKey(StageFunction function, String parameter) {
        return sources(function).get(parameter) instanceof Source.Config c ? Optional.of(c.key()) : Optional.empty();
    }
}

package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keeps signatures short: a function that would take more than six parameters takes the NamedTuple an earlier
 * function returns whole ({@code fit_result: FitResult}) instead of several of its fields, largest group first,
 * and binds the fields it reads on entry. An earlier function that returns a plain tuple of which the long one
 * reads two values or more is made to return a NamedTuple for it ({@code className} names the class).
 */
public final class Bundles {
    /** The most parameters a generated function takes when its inputs allow it. */
    public static final int MAX_PARAMETERS = 6;

    private Bundles() {}

    /** The functions, in pipeline order, with their long parameter lists shortened where they can be. */
    public static List<StageFunction> apply(List<StageFunction> functions, Function<String, String> className) {
        Map<String, StageFunction> latest = new HashMap<>();
        List<StageFunction> out = new ArrayList<>();
        for (StageFunction f : functions) {
            StageFunction shortened = f;
            if (f.parameters().size() > MAX_PARAMETERS) {
                // the producers with the most values read first; a plain tuple becomes a NamedTuple when needed
                Map<StageFunction, List<String>> byProducer = byProducer(f, latest);
                for (StageFunction producer : byProducer.keySet()) {
                    if (producer.resultClass().isEmpty() && byProducer.get(producer).size() >= 2
                        && producer.returns().size() >= 2 && shortened.parameters().size() > MAX_PARAMETERS) {
                        StageFunction named = withResultClass(producer, className.apply(producer.name()));
                        out.set(out.indexOf(producer), named);
                        producer.returns().forEach(r -> latest.replace(r.name(), producer, named));
                    }
                    shortened = shorten(shortened, latest);
                }
            }
            out.add(shortened);
            for (Returned r : shortened.returns()) {
                latest.put(r.name(), shortened);
            }
        }
        return out;
    }

    private static StageFunction withResultClass(StageFunction f, String resultClass) {
        return new StageFunction(f.name(), f.stage(), f.cells(), f.docstring(), f.details(), f.parameters(),
            f.returns(), resultClass, f.copiedOnEntry(), f.body(), f.imports());
    }

    /** The earlier functions whose plain values the function takes, the one giving the most first. */
    private static Map<StageFunction, List<String>> byProducer(StageFunction f, Map<String, StageFunction> latest) {
        Map<StageFunction, List<String>> byProducer = new LinkedHashMap<>();
        for (Parameter p : f.parameters()) {
            StageFunction producer = latest.get(p.name());
            if (!p.settings() && !p.bundle() && producer != null) {
                byProducer.computeIfAbsent(producer, k -> new ArrayList<>()).add(p.name());
            }
        }
        List<Map.Entry<StageFunction, List<String>>> entries = new ArrayList<>(byProducer.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<StageFunction, List<String>> e) -> e.getValue().size())
            .reversed());
        Map<StageFunction, List<String>> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static StageFunction shorten(StageFunction f, Map<String, StageFunction> latest) {
        Map<StageFunction, List<String>> byProducer = new LinkedHashMap<>(byProducer(f, latest));
        byProducer.keySet().removeIf(p -> p.resultClass().isEmpty());
        List<Map.Entry<StageFunction, List<String>>> groups = new ArrayList<>(byProducer.entrySet());
        List<Parameter> parameters = new ArrayList<>(f.parameters());
        List<String> imports = new ArrayList<>(f.imports());
        for (Map.Entry<StageFunction, List<String>> group : groups) {
            StageFunction producer = group.getKey();
            List<String> fields = group.getValue();
            String name = producer.name() + "_result";
            if (parameters.size() <= MAX_PARAMETERS || fields.size() < 2 || reads(f, name)) {
                continue;
            }
            int at = parameters.indexOf(parameters.stream().filter(p -> p.name().equals(fields.get(0))).findFirst()
                .orElseThrow());
            parameters.removeIf(p -> !p.settings() && fields.contains(p.name()));
            parameters.add(at, new Parameter(name, producer.resultClass(), false, fields));
            if (producer.stage() != f.stage()) {
                imports.add("from ." + producer.stage().module() + " import " + producer.resultClass());
            }
        }
        return new StageFunction(f.name(), f.stage(), f.cells(), f.docstring(), f.details(), parameters, f.returns(),
            f.resultClass(), f.copiedOnEntry(), f.body(), imports);
    }

    /** True when the name is already taken in the function: a parameter, or a word of its body. */
    private static boolean reads(StageFunction f, String name) {
        return f.parameters().stream().anyMatch(p -> p.name().equals(name))
            || Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(f.body()).find();
    }
}

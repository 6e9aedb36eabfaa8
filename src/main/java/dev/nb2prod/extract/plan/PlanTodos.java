package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.graph.CellGraph;
import dev.nb2prod.graph.CellNode;
import dev.nb2prod.graph.NameProblem;
import dev.nb2prod.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The dependencies of the package (with the pins the notebook reveals) and the TODOs about order and errors. */
public final class PlanTodos {
    private PlanTodos() {}

    /**
     * The third-party distributions the functions and helpers import, pinned when a {@code pip install x==1.2}
     * line says so; distributions pinned by pip but never imported too (engines such as openpyxl). Adds a TODO
     * naming the unpinned ones.
     */
    public static List<Dependency> dependencies(List<StageFunction> functions, List<Helper> helpers,
                                                List<String> pipSpecs, List<String> todos) {
        Map<String, String> pins = new TreeMap<>();
        Map<String, String> installed = new LinkedHashMap<>();
        for (String spec : pipSpecs) {
            String name = spec.replaceAll("[\\[<>=!~;].*$", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            String version = spec.matches("[^=]+==[^,;]+") ? spec.substring(spec.indexOf("==") + 2).strip() : "";
            installed.putIfAbsent(Distributions.normalise(name), name);
            if (!version.isEmpty()) {
                pins.put(Distributions.normalise(name), version);
            }
        }
        Set<String> modules = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        functions.forEach(f -> lines.addAll(f.imports()));
        helpers.forEach(h -> lines.addAll(h.imports()));
        for (String line : lines) {
            String[] words = line.split("\\s+");
            if (words.length > 1) {
                modules.add(words[1].replaceAll(",$", ""));
            }
        }
        // imports the notebook makes inside blocks stay in the bodies (if send: import requests)
        java.util.regex.Pattern nested = java.util.regex.Pattern.compile("(?m)^\\s*(?:import|from)\\s+([A-Za-z_][\\w.]*)");
        List<String> bodies = new ArrayList<>();
        functions.forEach(f -> bodies.add(f.body()));
        helpers.forEach(h -> bodies.add(h.code()));
        for (String body : bodies) {
            java.util.regex.Matcher m = nested.matcher(body);
            while (m.find()) {
                modules.add(m.group(1));
            }
        }
        Map<String, Dependency> out = new TreeMap<>();
        for (String module : modules) {
            if (module.startsWith(".")) {
                continue;
            }
            String rootModule = module.split("\\.")[0];
            Optional<String> dist = Distributions.of(module);
            if (dist.isEmpty() || StandardLibrary.contains(rootModule)) {
                continue;
            }
            String key = Distributions.normalise(dist.get());
            out.putIfAbsent(key, new Dependency(dist.get(), rootModule, pins.getOrDefault(key, "")));
        }
        installed.forEach((key, name) -> {
            if (!out.containsKey(key) && pins.containsKey(key)) {
                out.put(key, new Dependency(name, name.replace('-', '_'), pins.get(key)));
            }
        });
        List<Dependency> list = new ArrayList<>(out.values());
        List<String> unpinned = list.stream().filter(d -> d.version().isEmpty()).map(Dependency::distribution).toList();
        if (!unpinned.isEmpty()) {
            todos.add(0, "pin versions of " + String.join(", ", unpinned) + " (the notebook does not say)");
        }
        return list;
    }

    /** TODOs about hidden dependencies, cells never run and swallowed errors in the kept cells. */
    public static List<String> orderTodos(CellGraph graph, Set<Integer> kept, List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (NameProblem p : graph.hiddenDependencies()) {
            if (kept.contains(p.cell())) {
                out.add("NB102 hidden dependency on " + p.name() + " in cell " + (p.cell() + 1)
                    + " (defined later, in cell " + (p.definedIn().get(0) + 1) + "): check the order");
            }
        }
        for (int i : kept) {
            CellNode node = graph.cell(i);
            if (node.executionCount().isEmpty()) {
                out.add("cell " + (i + 1) + " was never executed in the notebook: its code is included but untested");
            }
        }
        for (Finding f : findings) {
            if (kept.contains(f.cellIndex()) && (f.code().equals("NB602") || f.code().equals("NB106"))) {
                out.add("cell " + (f.cellIndex() + 1) + ": " + f.message());
            }
        }
        return out;
    }
}

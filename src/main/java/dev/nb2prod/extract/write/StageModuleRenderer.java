package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders one stage module: docstring, gathered imports, a module logger when used, then its functions. */
public final class StageModuleRenderer {
    private static final Pattern LOGGER = Pattern.compile("(?<![\\w.])logger\\.");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*(?:\\.\\w+)*");
    private static final Set<String> BUILTIN_TYPES = Set.of("int", "float", "str", "bool", "bytes", "dict", "list",
        "tuple", "set", "frozenset", "object", "None", "complex");
    private static final Map<String, String> WELL_KNOWN = Map.of(
        "pd", "import pandas as pd", "np", "import numpy as np", "plt", "import matplotlib.pyplot as plt");

    private final Wiring wiring;
    private Set<String> known = Set.of();

    public StageModuleRenderer(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * A type hint usable in the module: its names are builtins or imported (pandas and numpy are imported when
     * needed); a hint naming something the module cannot see is dropped rather than left undefined.
     */
    String hint(String typeHint, Imports imports) {
        Matcher m = NAME.matcher(typeHint);
        List<String> extra = new ArrayList<>();
        while (m.find()) {
            String root = m.group().split("\\.")[0];
            if (BUILTIN_TYPES.contains(root) || known.contains(root)) {
                continue;
            }
            if (WELL_KNOWN.containsKey(root)) {
                extra.add(WELL_KNOWN.get(root));
            } else {
                return "";
            }
        }
        extra.forEach(imports::add);
        return typeHint;
    }

    public String render(Stage stage) {
        List<StageFunction> functions = wiring.plan().functions().stream().filter(f -> f.stage() == stage).toList();
        Imports imports = new Imports();
        functions.forEach(f -> imports.addAll(f.imports()));
        known = imports.boundNames();
        List<String> rendered = functions.stream().map(f -> function(f, imports)).toList();
        String code = String.join("\n", rendered);
        boolean logs = functions.stream().anyMatch(f -> LOGGER.matcher(f.body()).find());
        if (logs) {
            imports.add("import logging");
        }
        imports.usedIn(code + (logs ? "\nlogging.getLogger" : ""));
        StringBuilder out = new StringBuilder();
        out.append("\"\"\"").append(PyText.docText(stage.description())).append("\"\"\"\n");
        if (!imports.isEmpty()) {
            out.append('\n').append(imports.render());
        }
        if (logs) {
            out.append("\nlogger = logging.getLogger(__name__)\n");
        }
        for (String function : rendered) {
            out.append("\n\n").append(function);
        }
        return out.toString();
    }

    /** One function: signature, docstring, copies on entry, the body and its return statement. */
    String function(StageFunction function, Imports imports) {
        Map<String, Wiring.Source> sources = wiring.sources(function);
        List<String> params = new ArrayList<>();
        for (Parameter parameter : function.parameters()) {
            String type = hint(Wiring.typeOf(parameter, sources.get(parameter.name())), imports);
            params.add(parameter.name() + (type.isEmpty() ? "" : ": " + type));
        }
        String returnType = returnType(function.returns().stream()
            .map(r -> new Returned(r.name(), hint(r.typeHint(), imports))).toList());
        StringBuilder out = new StringBuilder();
        out.append(PyText.call(0, "def " + function.name(), params,
            (returnType.isEmpty() ? "" : " -> " + returnType) + ":"));
        out.append(docstring(function, sources));
        for (String copied : function.copiedOnEntry()) {
            out.append("    ").append(copied).append(" = ").append(copied).append(".copy()\n");
        }
        String body = function.body().strip().isEmpty() ? "" : PyText.indent(stripBlankEdges(function.body()), 4);
        out.append(body);
        List<String> names = function.returns().stream().map(Returned::name).toList();
        if (!names.isEmpty()) {
            out.append("    return ").append(String.join(", ", names)).append('\n');
        } else if (body.isEmpty() && function.copiedOnEntry().isEmpty()) {
            out.append("    pass\n");
        }
        return out.toString();
    }

    private static String stripBlankEdges(String body) {
        List<String> lines = new ArrayList<>(PyText.lines(body));
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines) + "\n";
    }

    /** {@code T}, {@code tuple[A, B]}, {@code None}; empty when a single value's type is unknown. */
    static String returnType(List<Returned> returns) {
        if (returns.isEmpty()) {
            return "None";
        }
        if (returns.size() == 1) {
            return returns.get(0).typeHint();
        }
        return "tuple[" + String.join(", ", returns.stream()
            .map(r -> r.typeHint().isEmpty() ? "object" : r.typeHint()).toList()) + "]";
    }

    private String docstring(StageFunction function, Map<String, Wiring.Source> sources) {
        StringBuilder out = new StringBuilder("    \"\"\"").append(PyText.summary(function.docstring(), function.name()));
        boolean details = !function.parameters().isEmpty() || !function.returns().isEmpty();
        if (!details) {
            return out.append("\"\"\"\n").toString();
        }
        out.append("\n");
        if (!function.parameters().isEmpty()) {
            out.append("\n    Args:\n");
            for (Parameter parameter : function.parameters()) {
                String what = switch (sources.get(parameter.name())) {
                    case Wiring.Source.Config c -> (c.key().isPath() ? "path from config key " : "config key ")
                        + c.key().key() + ".";
                    case Wiring.Source.Produced p -> "from " + p.producer().name() + ".";
                };
                out.append("        ").append(parameter.name()).append(": ").append(what).append('\n');
            }
        }
        if (!function.returns().isEmpty()) {
            List<String> names = function.returns().stream().map(Returned::name).toList();
            out.append("\n    Returns:\n        ")
                .append(names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")").append(".\n");
        }
        return out.append("    \"\"\"\n").toString();
    }
}

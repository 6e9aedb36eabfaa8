package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan.Helper;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders one stage module: docstring, gathered imports, a module logger when used, the notebook's own functions
 * moved to module level, the NamedTuples of functions returning more than four values, then the step functions.
 */
public final class StageModuleRenderer {
    private static final Pattern LOGGER = Pattern.compile("(?<![\\w.])logger\\.");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*(?:\\.\\w+)*");
    private static final Set<String> BUILTIN_TYPES = Set.of("int", "float", "str", "bool", "bytes", "dict", "list",
        "tuple", "set", "frozenset", "object", "None", "complex", "Any");
    private static final Map<String, String> WELL_KNOWN = Map.of(
        "pd", "import pandas as pd", "np", "import numpy as np", "plt", "import matplotlib.pyplot as plt");

    private final Wiring wiring;

    public StageModuleRenderer(Wiring wiring) {
        this.wiring = wiring;
    }

    /**
     * A type hint usable in the module: its names are builtins or imported (pandas and numpy are imported when
     * needed); a hint naming something the module cannot see is dropped rather than left undefined.
     */
    static String hint(String typeHint, Imports imports, Set<String> known) {
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

    /** helpers.py: the functions and classes of the notebook that several stages use. */
    public String renderShared() {
        List<Helper> helpers = wiring.plan().helpers().stream().filter(h -> h.stage().isEmpty()).toList();
        Imports imports = new Imports();
        helpers.forEach(h -> imports.addAll(h.imports()));
        List<String> blocks = helpers.stream().map(h -> h.code().strip() + "\n").toList();
        return module("Functions and classes the notebook defines, used by several stages.", imports, blocks);
    }

    public String render(Stage stage) {
        List<StageFunction> functions = wiring.plan().functions().stream().filter(f -> f.stage() == stage).toList();
        List<Helper> helpers = wiring.plan().helpers().stream().filter(h -> h.stage().equals(Optional.of(stage)))
            .toList();
        Imports imports = new Imports();
        functions.forEach(f -> imports.addAll(f.imports()));
        helpers.forEach(h -> imports.addAll(h.imports()));
        wiring.plan().settings(stage).ifPresent(s -> {
            if (functions.stream().anyMatch(wiring::usesConfig)) {
                imports.add("from .config import " + s.className());
            }
        });
        Set<String> known = imports.boundNames();
        functions.stream().map(StageFunction::resultClass).filter(c -> !c.isEmpty()).forEach(known::add);
        List<String> blocks = new ArrayList<>();
        helpers.forEach(h -> blocks.add(h.code().strip() + "\n"));
        for (StageFunction f : functions) {
            if (!f.resultClass().isEmpty()) {
                blocks.add(resultClass(f, imports, known));
            }
            blocks.add(function(f, imports, known));
        }
        return module(PyText.docText(stage.description()), imports, blocks);
    }

    /** A module: its docstring, the imports its blocks use, a logger when they log, and the blocks. */
    private static String module(String docstring, Imports imports, List<String> blocks) {
        String code = String.join("\n", blocks);
        boolean logs = LOGGER.matcher(code).find();
        if (logs) {
            imports.add("import logging");
        }
        imports.usedIn(code + (logs ? "\nlogging.getLogger" : ""));
        StringBuilder out = new StringBuilder();
        out.append("\"\"\"").append(docstring).append("\"\"\"\n");
        if (!imports.isEmpty()) {
            out.append('\n').append(imports.render());
        }
        if (logs) {
            out.append("\nlogger = logging.getLogger(__name__)\n");
        }
        for (String block : blocks) {
            out.append("\n\n").append(block);
        }
        return out.toString();
    }

    /** The NamedTuple a function returns its values in. */
    private static String resultClass(StageFunction function, Imports imports, Set<String> known) {
        imports.add("from typing import NamedTuple");
        StringBuilder out = new StringBuilder("class ").append(function.resultClass()).append("(NamedTuple):\n");
        out.append("    \"\"\"What ").append(function.name()).append(" returns.\"\"\"\n\n");
        for (Returned r : function.returns()) {
            String type = hint(r.typeHint(), imports, known);
            if (type.isEmpty()) {
                imports.add("from typing import Any");
                type = "Any";
            }
            out.append("    ").append(r.name()).append(": ").append(type).append('\n');
        }
        return out.toString();
    }

    /** One function: signature, docstring, copies on entry, the body and its return statement. */
    String function(StageFunction function, Imports imports, Set<String> known) {
        Map<String, Wiring.Source> sources = wiring.sources(function);
        List<String> params = new ArrayList<>();
        for (Parameter parameter : function.parameters()) {
            String type = hint(parameter.typeHint(), imports, known);
            params.add(parameter.name() + (type.isEmpty() ? "" : ": " + type));
        }
        String returnType = function.resultClass().isEmpty()
            ? returnType(function.returns().stream().map(r -> new Returned(r.name(), hint(r.typeHint(), imports,
                known))).toList(), imports)
            : function.resultClass();
        StringBuilder out = new StringBuilder();
        out.append(PyText.call(0, "def " + function.name(), params,
            (returnType.isEmpty() ? "" : " -> " + returnType) + ":"));
        out.append(docstring(function, sources));
        for (Parameter parameter : function.parameters()) {
            for (String field : parameter.fields()) {
                out.append("    ").append(field).append(" = ").append(parameter.name()).append('.').append(field)
                    .append('\n');
            }
        }
        for (String copied : function.copiedOnEntry()) {
            out.append("    ").append(copied).append(" = ").append(copied).append(".copy()\n");
        }
        String body = function.body().strip().isEmpty() ? "" : PyText.indent(stripBlankEdges(function.body()), 4);
        out.append(body);
        List<String> names = function.returns().stream().map(Returned::name).toList();
        if (!function.resultClass().isEmpty()) {
            List<String> items = names.stream().map(n -> n + "=" + n).toList();
            out.append(PyText.call(4, "return " + function.resultClass(), items, ""));
        } else if (!names.isEmpty()) {
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
    static String returnType(List<Returned> returns, Imports imports) {
        if (returns.isEmpty()) {
            return "None";
        }
        if (returns.size() == 1) {
            return returns.get(0).typeHint();
        }
        if (returns.stream().anyMatch(r -> r.typeHint().isEmpty())) {
            imports.add("from typing import Any");
        }
        return "tuple[" + String.join(", ", returns.stream()
            .map(r -> r.typeHint().isEmpty() ? "Any" : r.typeHint()).toList()) + "]";
    }

    private String docstring(StageFunction function, Map<String, Wiring.Source> sources) {
        StringBuilder out = new StringBuilder("    \"\"\"").append(PyText.summary(function.docstring(), function.name()));
        boolean details = !function.details().isBlank();
        boolean args = !function.parameters().isEmpty() || !function.returns().isEmpty();
        if (!details && !args) {
            return out.append("\"\"\"\n").toString();
        }
        out.append("\n");
        if (details) {
            out.append('\n');
            for (String line : PyText.wrap(PyText.docText(function.details()), PyText.MAX_LINE - 4)) {
                out.append("    ").append(line).append('\n');
            }
        }
        if (!function.parameters().isEmpty()) {
            out.append("\n    Args:\n");
            for (Parameter parameter : function.parameters()) {
                String what = switch (sources.get(parameter.name())) {
                    case Wiring.Source.Settings s -> "settings of the " + s.settings().stage().module()
                        + " stage (config.yaml).";
                    case Wiring.Source.Produced p -> "from " + p.producer().name() + ".";
                    case Wiring.Source.Bundle b -> "from " + b.producer().name() + " (" + String.join(", ", b.fields())
                        + ").";
                };
                List<String> lines = PyText.wrap(parameter.name() + ": " + what, PyText.MAX_LINE - 12);
                out.append("        ").append(lines.get(0)).append('\n');
                lines.subList(1, lines.size()).forEach(l -> out.append("            ").append(l).append('\n'));
            }
        }
        if (!function.returns().isEmpty()) {
            List<String> names = function.returns().stream().map(Returned::name).toList();
            out.append("\n    Returns:\n        ");
            if (!function.resultClass().isEmpty()) {
                String article = "AEIOU".indexOf(function.resultClass().charAt(0)) >= 0 ? "an " : "a ";
                out.append(String.join("\n        ", PyText.wrap(String.join(", ", names) + ", as " + article
                    + function.resultClass() + ".", PyText.MAX_LINE - 8)));
            } else {
                out.append(names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")").append(".");
            }
            out.append('\n');
        }
        return out.append("    \"\"\"\n").toString();
    }
}

package dev.nb2prod.extract.plan;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders a plan's functions as stage modules (roughly as the writer does), to check them with pyflakes. */
public final class PlanPython {
    private PlanPython() {}

    public static Map<Stage, String> modules(ExtractionPlan plan) {
        Map<Stage, String> out = new TreeMap<>();
        for (Stage stage : plan.stages()) {
            Set<String> imports = new LinkedHashSet<>();
            StringBuilder defs = new StringBuilder();
            for (StageFunction f : plan.functions()) {
                if (f.stage() != stage) {
                    continue;
                }
                imports.addAll(f.imports());
                String params = f.parameters().stream().map(PlanPython::param).collect(Collectors.joining(", "));
                String returns = f.returns().size() == 1 ? (f.returns().get(0).typeHint().isEmpty() ? ""
                    : " -> " + f.returns().get(0).typeHint()) : f.returns().stream().anyMatch(r -> !r.typeHint().isEmpty())
                    ? " -> tuple" + f.returns().stream().map(r -> r.typeHint().isEmpty() ? "object" : r.typeHint())
                        .collect(Collectors.joining(", ", "[", "]")) : "";
                defs.append("\n\ndef ").append(f.name()).append('(').append(params).append(")").append(returns)
                    .append(":\n");
                defs.append("    \"\"\"").append(f.docstring()).append("\"\"\"\n");
                for (String c : f.copiedOnEntry()) {
                    defs.append("    ").append(c).append(" = ").append(c).append(".copy()\n");
                }
                for (String line : f.body().split("\n", -1)) {
                    defs.append(line.isEmpty() ? "" : "    " + line).append('\n');
                }
                if (!f.returns().isEmpty()) {
                    defs.append("    return ").append(f.returns().stream().map(ExtractionPlan.Returned::name)
                        .collect(Collectors.joining(", "))).append('\n');
                }
            }
            StringBuilder module = new StringBuilder("\"\"\"" + stage.description() + "\"\"\"\n");
            module.append("import logging\n");
            imports.forEach(i -> module.append(i).append('\n'));
            module.append("\nlogger = logging.getLogger(__name__)\n").append(defs);
            out.put(stage, module.toString());
        }
        return out;
    }

    private static String param(Parameter p) {
        return p.name() + (p.typeHint().isEmpty() ? "" : ": " + p.typeHint());
    }

    public static void write(ExtractionPlan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : modules(plan).entrySet()) {
            Files.writeString(dir.resolve(e.getKey().module() + ".py"), e.getValue());
        }
    }
}

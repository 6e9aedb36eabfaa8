package dev.nb2prod.extract;

import dev.nb2prod.extract.ExtractionPlan.CellDecision;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.Parameter;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.extract.write.ScheduleChoice;
import dev.nb2prod.extract.write.Wiring;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a plan as the {@code --plan} text a reviewer reads: every code cell (kept or dropped and why, its function
 * and module, inputs and outputs), then configuration keys, secrets (by name only, never values), dependencies,
 * outputs and TODOs. Cell numbers are 1-based like in Jupyter.
 */
public final class PlanPrinter {

    public String render(ExtractionPlan plan) {
        return render(plan, Optional.empty());
    }

    /** The plan, with the schedule {@code --schedule} chose if any (else the recommended one is written). */
    public String render(ExtractionPlan plan, Optional<Schedule> chosen) {
        StringBuilder out = new StringBuilder();
        out.append("Extraction plan for ").append(plan.notebookPath()).append('\n');
        out.append("  package ").append(plan.packageName()).append(" (").append(plan.projectName()).append("): ")
            .append(plan.title()).append('\n');
        Map<String, StageFunction> byName = new HashMap<>();
        plan.functions().forEach(f -> byName.put(f.name(), f));
        out.append("\nCells:\n");
        for (CellDecision d : plan.cells()) {
            out.append(String.format(Locale.ROOT, "  cell %-3d %-7s %s\n", d.cellIndex() + 1, d.kept() ? "kept" : "dropped",
                d.reason()));
            for (String function : d.functions()) {
                StageFunction f = byName.get(function);
                String module = f != null ? f.stage().module() : plan.helpers().stream()
                    .filter(h -> h.name().equals(function)).map(ExtractionPlan.Helper::module).findFirst().orElse("?");
                out.append("           -> ").append(module).append('.').append(function)
                    .append(f == null ? " (moved to module level)" : "()").append('\n');
            }
        }
        out.append("\nFunctions (pipeline order):\n");
        for (StageFunction f : plan.functions()) {
            out.append("  ").append(f.stage().module()).append('.').append(f.name()).append('(')
                .append(f.parameters().stream().map(PlanPrinter::parameter).collect(Collectors.joining(", ")))
                .append(')');
            if (!f.returns().isEmpty()) {
                out.append(" -> ").append(f.returns().stream().map(PlanPrinter::returned)
                    .collect(Collectors.joining(", ")));
                if (!f.resultClass().isEmpty()) {
                    out.append(" as ").append(f.resultClass());
                }
            }
            out.append("    # cells ").append(f.cells().stream().map(c -> String.valueOf(c + 1))
                .collect(Collectors.joining(", "))).append('\n');
            if (!f.copiedOnEntry().isEmpty()) {
                out.append("      copies on entry: ").append(String.join(", ", f.copiedOnEntry())).append('\n');
            }
        }
        out.append('\n').append(schedule(plan, chosen)).append('\n');
        section(out, "Configuration (config.yaml)", plan.config().stream().map(PlanPrinter::config).toList());
        section(out, "Secrets (read from the environment)", plan.secrets().stream().map(PlanPrinter::secret).toList());
        section(out, "Dependencies", plan.dependencies().stream().map(PlanPrinter::dependency).toList());
        section(out, "Settings objects", plan.settings().stream().map(st -> st.className() + " ("
            + st.stage().module() + "): " + st.keys().stream().map(k -> k.field()).collect(Collectors.joining(", ")))
            .toList());
        section(out, "Results of run_pipeline", plan.results().stream().map(PlanPrinter::result).toList());
        section(out, "TODO", plan.todos());
        return out.toString();
    }

    /** One line: the schedule extract writes, and the one recommended for the pipeline's shape and why. */
    private static String schedule(ExtractionPlan plan, Optional<Schedule> chosen) {
        ScheduleChoice recommended = ScheduleChoice.of(new Wiring(plan));
        String because = recommended.schedule() + ", recommended for " + recommended.reason();
        if (chosen.isEmpty()) {
            return "Schedule: " + because;
        }
        return "Schedule: " + chosen.get() + " (--schedule); " + because;
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append('\n').append(title).append(":\n");
        if (lines.isEmpty()) {
            out.append("  (none)\n");
        }
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }

    private static String parameter(Parameter p) {
        return p.name() + (p.typeHint().isEmpty() ? "" : ": " + p.typeHint());
    }

    private static String result(PlanResult r) {
        String from = r.function().isEmpty() ? "pipeline.py" : r.function() + "()";
        return r.name() + "  <- cell " + (r.cell() + 1) + ": " + r.description() + " [" + r.kind().name()
            .toLowerCase(Locale.ROOT) + (r.file().isEmpty() ? "" : ", " + r.file()) + "; from " + from + "]";
    }

    private static String returned(Returned r) {
        return r.name() + (r.typeHint().isEmpty() ? "" : ": " + r.typeHint());
    }

    private static String config(ConfigKey c) {
        return c.key() + " = " + c.yamlValue() + " (" + c.pythonType() + (switch (c.path()) {
            case INPUT -> ", input path under data_root";
            case OUTPUT -> ", output path under output_root";
            case NONE -> "";
        })
            + ")  # " + c.comment();
    }

    private static String secret(SecretVariable s) {
        return s.variable() + ": " + s.kind() + " (was in " + s.origin() + ")";
    }

    private static String dependency(Dependency d) {
        return d.distribution() + (d.version().isEmpty() ? " (unpinned)" : "==" + d.version())
            + (d.importName().equals(d.distribution()) ? "" : "  # import " + d.importName());
    }
}

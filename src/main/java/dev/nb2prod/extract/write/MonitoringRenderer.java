package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.ConfigKey;
import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * monitoring.py (run records, step logs, alerts) and drift.py (drift of the inputs from a reference profile), and
 * the {@code monitoring.psi_threshold} key of config.yaml. The Python code is in the templates; Java supplies what
 * the run record names: the input keys, the results that are files or metrics, the secrets and the libraries.
 */
public final class MonitoringRenderer {
    /** The key of config.yaml holding the PSI above which an input column has drifted. */
    public static final ConfigKey PSI_THRESHOLD = new ConfigKey("monitoring.psi_threshold", "0.2", "float",
        "an input column has drifted when its population stability index is above this",
        PathRole.NONE);

    private static final Set<ResultKind> FILES = EnumSet.of(ResultKind.FIGURE, ResultKind.MODEL_FILE,
        ResultKind.FILE);
    private static final List<String> ALWAYS = List.of("numpy", "pandas", "yaml");

    private final Wiring wiring;
    private final ExtractionPlan plan;

    public MonitoringRenderer(Wiring wiring) {
        this.wiring = wiring;
        this.plan = wiring.plan();
    }

    /** The plan's configuration keys followed by {@link #PSI_THRESHOLD}, unless a key of the plan is in the way. */
    public static List<ConfigKey> withThreshold(List<ConfigKey> keys) {
        boolean clash = keys.stream().anyMatch(k -> k.key().equals("monitoring")
            || k.key().startsWith("monitoring."));
        if (clash) {
            return keys;
        }
        List<ConfigKey> all = new java.util.ArrayList<>(keys);
        all.add(PSI_THRESHOLD);
        return List.copyOf(all);
    }

    public String monitoring() {
        Set<String> libraries = new TreeSet<>(ALWAYS);
        for (Dependency dependency : plan.dependencies()) {
            String top = dependency.importName().split("\\.", 2)[0].strip();
            if (!top.isEmpty()) {
                libraries.add(top);
            }
        }
        return Template.load("src/monitoring.py.tmpl").render(Map.of(
            "distribution", PyText.quote(plan.projectName()),
            "input_keys", tuple("INPUT_KEYS", wiring.inputKeys().stream().map(ConfigKey::key).toList()),
            "artifacts", tuple("ARTIFACTS", results(FILES)),
            "metrics", tuple("METRICS", results(EnumSet.of(ResultKind.METRIC))),
            "secret_variables", tuple("SECRET_VARIABLES", plan.secrets().stream().map(SecretVariable::variable)
                .distinct().sorted().toList()),
            "libraries", tuple("LIBRARIES", List.copyOf(libraries))));
    }

    public String drift() {
        return Template.load("src/drift.py.tmpl").render(Map.of());
    }

    private List<String> results(Set<ResultKind> kinds) {
        return plan.results().stream().filter(r -> kinds.contains(r.kind())).map(PlanResult::name).toList();
    }

    /** {@code NAME: tuple[str, ...] = ("a", "b")}, one item per line when it does not fit. */
    static String tuple(String name, List<String> items) {
        String head = name + ": tuple[str, ...] = ";
        List<String> quoted = items.stream().map(PyText::quote).toList();
        String oneLine = head + "(" + String.join(", ", quoted) + (items.size() == 1 ? ",)" : ")");
        if (oneLine.length() <= PyText.MAX_LINE) {
            return oneLine;
        }
        StringBuilder out = new StringBuilder(head).append("(\n");
        quoted.forEach(q -> out.append("    ").append(q).append(",\n"));
        return out.append(")").toString();
    }
}

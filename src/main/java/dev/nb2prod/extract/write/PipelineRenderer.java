package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.PlanResult;
import dev.nb2prod.extract.ExtractionPlan.ResultKind;
import dev.nb2prod.extract.ExtractionPlan.Returned;
import dev.nb2prod.extract.ExtractionPlan.Settings;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** pipeline.py, and the orchestrator files that chain the same functions. */
public final class PipelineRenderer {
    private final Wiring wiring;
    private final ExtractionPlan plan;

    public PipelineRenderer(Wiring wiring) {
        this.wiring = wiring;
        this.plan = wiring.plan();
    }

    private Imports functionImports(String prefix) {
        Imports imports = new Imports();
        for (StageFunction function : plan.functions()) {
            imports.add("from " + prefix + function.stage().module() + " import " + function.name());
        }
        return imports;
    }

    /** The imports of the orchestrator files and test fixtures, which rebuild the NamedTuples passed whole. */
    private Imports stepImports(String prefix) {
        return functionImports(prefix).addAll(wiring.bundleImports(prefix));
    }

    public String pipeline() {
        return pipeline(false);
    }

    /**
     * pipeline.py.
     *
     * @param checkContracts true when contracts.py exists: run_pipeline checks the input files first
     */
    public String pipeline(boolean checkContracts) {
        Imports imports = functionImports(".").add("from __future__ import annotations").add("from typing import Any")
            .add("from .monitoring import RunRecord");
        if (checkContracts) {
            imports.add("from .contracts import check_inputs");
        }
        String runRecord = runRecordVariable();
        wiring.usedSettings().forEach(s -> imports.add("from .config import " + s.className()));
        if (!wiring.pathHelpers().isEmpty()) {
            imports.add("from .config import " + String.join(", ", wiring.pathHelpers()));
        }
        if (wiring.savesModels()) {
            imports.add("from .artifacts import save_model");
        }
        StringBuilder calls = new StringBuilder();
        for (Settings s : wiring.usedSettings()) {
            calls.append("    ").append(Wiring.settingsVariable(s.stage())).append(" = ").append(s.className())
                .append(".from_config(config)\n");
        }
        for (StageFunction function : plan.functions()) {
            calls.append(wiring.call(function, 4, runRecord + ".step", List.of(function.name()),
                p -> Wiring.pipelineValue(p.producer(), p.name()), b -> Wiring.resultVariable(b.producer()),
                s -> Wiring.settingsVariable(s.stage()), Wiring.pipelineTarget(function)));
            for (PlanResult r : plan.results()) {
                if (r.kind() == ResultKind.MODEL_FILE && producedBy(r, function)) {
                    String model = r.name().replaceAll("_file$", "");
                    calls.append(PyText.call(4, r.name() + " = save_model", List.of(
                        Wiring.pipelineValue(function, model), "output_path(config, \"models_dir\")",
                        PyText.quote(model)), ""));
                }
            }
        }
        List<String> items = new ArrayList<>();
        for (PlanResult r : plan.results()) {
            items.add(PyText.quote(r.name()) + ": " + resultValue(r));
        }
        return Template.load("src/pipeline.py.tmpl").render(Map.of(
            "title_text", PyText.docText(plan.title()),
            "imports", imports.render(),
            "output_names", resultNames(),
            "calls", calls.toString(),
            "run_record", runRecord,
            "contracts", checkContracts ? "        check_inputs(config)\n" : "",
            "result", Wiring.dictLiteral(items, 4, "return ")));
    }

    /**
     * The variable _run_steps holds the run record in: {@code run_record}, unless a step returns a value of that
     * name.
     */
    private String runRecordVariable() {
        Set<String> taken = new HashSet<>();
        plan.functions().forEach(f -> f.returns().forEach(r -> taken.add(r.name())));
        String name = "run_record";
        for (int i = 2; taken.contains(name); i++) {
            name = "run_record_" + i;
        }
        return name;
    }

    /** The result names for the docstring, wrapped. */
    private String resultNames() {
        if (plan.results().isEmpty()) {
            return "none";
        }
        String prefix = "The results by name: ";
        List<String> lines = PyText.wrap(prefix + String.join(", ", plan.outputs()), PyText.MAX_LINE - 8);
        return String.join("\n        ", lines).substring(prefix.length());
    }

    private boolean producedBy(PlanResult modelFile, StageFunction function) {
        String model = modelFile.name().replaceAll("_file$", "");
        StageFunction producer = wiring.resultProducers().get(model);
        return producer == function;
    }

    /** In pipeline.py, the expression of a result. */
    private String resultValue(PlanResult r) {
        return switch (r.kind()) {
            case MODEL_FILE -> r.name();
            case FILE -> "output_path(config, " + PyText.quote(r.file()) + ")";
            default -> Wiring.pipelineValue(wiring.resultProducers().get(r.name()), r.name());
        };
    }

    /** The call of one step in an orchestrator or a fixture, returning its results by name. */
    String stepCall(StageFunction function, int indent, Map<StageFunction, String> upstreamVariables) {
        StringBuilder out = new StringBuilder();
        String target = function.returns().isEmpty() ? "" : function.resultClass().isEmpty()
            ? String.join(", ", function.returns().stream().map(Returned::name).toList()) : "result";
        out.append(wiring.call(function, indent, function.name(),
            p -> upstreamVariables.get(p.producer()) + "[" + PyText.quote(p.name()) + "]",
            b -> b.producer().resultClass() + "(**" + upstreamVariables.get(b.producer()) + ")",
            s -> s.className() + ".from_config(config)", target));
        String pad = " ".repeat(indent);
        if (function.returns().isEmpty()) {
            out.append(pad).append("return {}\n");
        } else if (!function.resultClass().isEmpty()) {
            out.append(pad).append("return result._asdict()\n");
        } else {
            List<String> items = function.returns().stream().map(r -> PyText.quote(r.name()) + ": " + r.name())
                .toList();
            out.append(Wiring.dictLiteral(items, indent, "return "));
        }
        return out.toString();
    }

    /** A function taking config and/or upstream results, calling one step and returning its results by name. */
    private String step(StageFunction function, String decorator, String name, String doc) {
        List<String> params = new ArrayList<>();
        if (wiring.usesConfig(function)) {
            params.add("config: dict[str, Any]");
        }
        Map<StageFunction, String> upstream = new HashMap<>();
        for (StageFunction producer : wiring.upstream(function)) {
            params.add(TestsRenderer.fixtureName(producer) + ": dict[str, Any]");
            upstream.put(producer, TestsRenderer.fixtureName(producer));
        }
        StringBuilder out = new StringBuilder(decorator).append('\n');
        out.append(PyText.call(0, "def " + name, params, " -> dict[str, Any]:"));
        out.append("    \"\"\"").append(doc).append("\"\"\"\n");
        out.append(stepCall(function, 4, upstream));
        return out.toString();
    }

    private Imports orchestratorImports(String... extra) {
        Imports imports = stepImports(plan.packageName() + ".").local(plan.packageName())
            .add("from __future__ import annotations")
            .add("from typing import Any")
            .add("from " + plan.packageName() + ".config import load_config");
        wiring.usedSettings().forEach(s -> imports.add("from " + plan.packageName() + ".config import "
            + s.className()));
        for (String line : extra) {
            imports.add(line);
        }
        return imports;
    }

    private Map<String, String> common() {
        return Map.of("project", plan.projectName(), "name", plan.packageName());
    }

    /** The {@code pipelines/<name>.py} of an orchestrator: dagster, airflow or prefect. */
    public String orchestrator(Schedule orchestrator) {
        return switch (orchestrator) {
            case dagster -> dagster();
            case airflow -> airflow();
            case prefect -> prefect();
            case cron, make, github, none -> throw new IllegalArgumentException(orchestrator + " is no orchestrator");
        };
    }

    private String dagster() {
        StringBuilder assets = new StringBuilder();
        List<String> names = new ArrayList<>(List.of("config"));
        for (StageFunction function : plan.functions()) {
            String name = TestsRenderer.fixtureName(function);
            names.add(name);
            assets.append("\n\n").append(step(function, "@asset", name, "The results of " + function.name() + "."));
        }
        var values = new HashMap<>(common());
        values.put("env_prefix", plan.packageName().toUpperCase(java.util.Locale.ROOT));
        values.put("imports", orchestratorImports("from dagster import Definitions, asset").render());
        values.put("assets", assets.toString());
        values.put("asset_names", String.join(", ", names));
        return Template.load("pipelines/dagster.py.tmpl").render(values);
    }

    private String prefect() {
        StringBuilder tasks = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        // a result no later task and no output reads is not assigned (pyflakes: assigned but never used)
        Set<String> read = new HashSet<>();
        plan.functions().forEach(f -> wiring.upstream(f).forEach(u -> read.add(u.name())));
        wiring.resultProducers().values().forEach(p -> read.add(p.name()));
        for (StageFunction function : plan.functions()) {
            tasks.append("\n\n").append(step(function, "@task", function.name() + "_task",
                "Run " + function.name() + "."));
            List<String> args = new ArrayList<>();
            if (wiring.usesConfig(function)) {
                args.add("config");
            }
            wiring.upstream(function).forEach(u -> args.add(TestsRenderer.fixtureName(u)));
            String target = read.contains(function.name()) ? TestsRenderer.fixtureName(function) + " = " : "";
            calls.append(PyText.call(4, target + function.name() + "_task", args, ""));
        }
        var values = new HashMap<>(common());
        values.put("imports", orchestratorImports("from prefect import flow, task").render());
        values.put("tasks", tasks.toString());
        values.put("calls", calls.toString());
        values.put("result", Wiring.dictLiteral(outputItems(), 4, "return "));
        return Template.load("pipelines/prefect.py.tmpl").render(values);
    }

    private List<String> outputItems() {
        List<String> items = new ArrayList<>();
        wiring.resultProducers().forEach((output, producer) -> items.add(PyText.quote(output) + ": "
            + TestsRenderer.fixtureName(producer) + "[" + PyText.quote(output) + "]"));
        return items;
    }

    private String airflow() {
        StringBuilder callables = new StringBuilder();
        StringBuilder tasks = new StringBuilder();
        List<String> taskVars = new ArrayList<>();
        for (StageFunction function : plan.functions()) {
            StringBuilder out = new StringBuilder();
            out.append("def _").append(function.name()).append("(ti: Any) -> dict[str, Any]:\n");
            out.append("    \"\"\"Task ").append(function.name()).append(": run ").append(function.name())
                .append(".\"\"\"\n");
            if (wiring.usesConfig(function)) {
                out.append("    config = load_config(CONFIG_FILE)\n");
            }
            Map<StageFunction, String> upstream = new HashMap<>();
            for (StageFunction producer : wiring.upstream(function)) {
                String variable = TestsRenderer.fixtureName(producer);
                out.append("    ").append(variable).append(" = ti.xcom_pull(task_ids=")
                    .append(PyText.quote(producer.name())).append(")\n");
                upstream.put(producer, variable);
            }
            out.append(stepCall(function, 4, upstream));
            callables.append("\n\n").append(out);
            String var = function.name() + "_task";
            taskVars.add(var);
            tasks.append(PyText.call(4, var + " = PythonOperator", List.of(
                "task_id=" + PyText.quote(function.name()), "python_callable=_" + function.name()), ""));
        }
        for (int i = 1; i < taskVars.size(); i++) {
            tasks.append("    ").append(taskVars.get(i - 1)).append(" >> ").append(taskVars.get(i)).append('\n');
        }
        var values = new HashMap<>(common());
        boolean config = plan.functions().stream().anyMatch(wiring::usesConfig);
        Imports imports = orchestratorImports("from datetime import datetime", "from airflow import DAG",
            "from airflow.operators.python import PythonOperator");
        values.put("imports", imports.usedIn(callables + tasks.toString() + "datetime( DAG( Any annotations"
            + (config ? " load_config" : "")).render());
        values.put("callables", callables.toString());
        values.put("tasks", tasks.toString());
        return Template.load("pipelines/airflow.py.tmpl").render(values);
    }
}

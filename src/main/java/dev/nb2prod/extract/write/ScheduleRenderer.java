package dev.nb2prod.extract.write;

import dev.nb2prod.extract.ExtractionPlan;
import dev.nb2prod.extract.ExtractionPlan.PathRole;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.extract.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files that run a package on a schedule (see {@link Schedule}), from the templates under
 * {@code extract/templates/schedule/}, and the README's paragraph about them. The orchestrator files come from
 * {@link PipelineRenderer#orchestrator}.
 */
public final class ScheduleRenderer {
    public static final String CRONTAB = "schedule/crontab";
    public static final String RUN_SCRIPT = "schedule/run.sh";
    public static final String MAKEFILE = "Makefile";

    private final ExtractionPlan plan;
    private final PipelineRenderer pipeline;

    public ScheduleRenderer(Wiring wiring, PipelineRenderer pipeline) {
        this.plan = wiring.plan();
        this.pipeline = pipeline;
    }

    /** The path of the workflow file of the {@code github} schedule. */
    public static String workflowPath(String packageName) {
        return ".github/workflows/" + packageName + ".yml";
    }

    /** The path of the orchestrator file of {@code dagster}, {@code airflow} and {@code prefect}. */
    public static String orchestratorPath(String packageName) {
        return "pipelines/" + packageName + ".py";
    }

    /** The files of a schedule by relative path (none for {@code none}). */
    public Map<String, String> files(Schedule schedule) {
        String pkg = plan.packageName();
        Map<String, String> files = new LinkedHashMap<>();
        switch (schedule) {
            case none -> { }
            case cron -> cronFiles(files, "runs `python -m " + pkg + " --config config.yaml`",
                "PYTHONPATH=\"src${PYTHONPATH:+:$PYTHONPATH}\" \"$PYTHON\" -m " + pkg + " --config config.yaml");
            case make -> {
                files.put(MAKEFILE, makefile());
                cronFiles(files, "runs the pipeline with `make run`", "make run PYTHON=\"$PYTHON\"");
            }
            case github -> files.put(workflowPath(pkg), workflow());
            case dagster, airflow, prefect -> files.put(orchestratorPath(pkg), pipeline.orchestrator(schedule));
        }
        return files;
    }

    private void cronFiles(Map<String, String> files, String what, String command) {
        Map<String, String> common = Map.of("project", plan.projectName(), "package", plan.packageName(),
            "what", what);
        files.put(CRONTAB, Template.load("schedule/crontab.tmpl").render(common));
        Map<String, String> values = new LinkedHashMap<>(common);
        values.put("command", command);
        files.put(RUN_SCRIPT, Template.load("schedule/run.sh.tmpl").render(values));
    }

    private String makefile() {
        List<String> stages = plan.stages().stream().map(Stage::module).toList();
        StringBuilder targets = new StringBuilder();
        for (int i = 0; i < stages.size(); i++) {
            boolean first = i == 0;
            targets.append(Template.load("schedule/Makefile-stage.tmpl").render(Map.of(
                "stage", stages.get(i),
                "after", first ? "" : ", after " + stages.get(i - 1),
                "previous", first ? "" : " " + stages.get(i - 1))));
        }
        return Template.load("schedule/Makefile.tmpl").render(Map.of(
            "project", plan.projectName(), "package", plan.packageName(),
            "stage_list", String.join(", ", stages), "stages", String.join(" ", stages),
            "stage_targets", targets.toString()));
    }

    private String workflow() {
        List<String> secrets = plan.secrets().stream().map(SecretVariable::variable).distinct().sorted().toList();
        String secretsComment = secrets.isEmpty() ? "" : "\n# Add the secret" + (secrets.size() == 1 ? " " : "s ")
            + String.join(", ", secrets) + " under Settings > Secrets and variables > Actions.";
        String env = secrets.stream().map(s -> "\n          " + s + ": ${{ secrets." + s + " }}")
            .collect(Collectors.joining());
        List<String> outputs = new ArrayList<>();
        for (ExtractionPlan.ConfigKey key : plan.config()) {
            String path = DataFixtures.unquote(key.yamlValue());
            // a path the workflow would read as an expression or an exclusion pattern is left out
            if (key.path() == PathRole.OUTPUT && !path.isBlank() && !path.matches(".*\\p{Cntrl}.*")
                && !path.contains("${{") && !path.startsWith("!") && !outputs.contains(path)) {
                outputs.add(path);
            }
        }
        String upload = outputs.isEmpty() ? "" : Template.load("schedule/github-upload.yml.tmpl").render(Map.of(
            "package", plan.packageName(),
            "paths", outputs.stream().map(p -> "            " + p).collect(Collectors.joining("\n"))));
        return Template.load("schedule/github.yml.tmpl").render(Map.of(
            "project", plan.projectName(), "name", yamlString(plan.projectName()), "package", plan.packageName(),
            "secrets_comment", secretsComment, "env", env.isEmpty() ? "" : "\n        env:" + env,
            "upload", upload.stripTrailing()));
    }

    /** A YAML double-quoted string. */
    private static String yamlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    /**
     * The README's "Schedule" paragraph: what was written, why and how to run it.
     *
     * @param reason why nb2prod recommended the schedule, or empty when {@code --schedule} named it
     */
    public String readme(Schedule schedule, String reason) {
        Map<String, String> values = new LinkedHashMap<>();
        Template template = Template.load("schedule/readme/" + schedule + ".md.tmpl");
        if (template.placeholders().contains("package")) {
            values.put("package", plan.packageName());
        }
        if (template.placeholders().contains("last_stage")) {
            List<Stage> stages = plan.stages();
            values.put("last_stage", stages.isEmpty() ? "test" : stages.get(stages.size() - 1).module());
        }
        String text = template.render(values).strip();
        if (schedule == Schedule.none) {
            return text;
        }
        String why = reason.isEmpty() ? "Chosen with `nb2prod extract --schedule " + schedule + "`."
            : "Recommended by nb2prod for this pipeline's shape: " + reason
                + " (`nb2prod extract --schedule` chooses another).";
        return String.join("\n", PyText.wrap(why, 78)) + "\n\n" + text;
    }
}

package dev.nb2prod.extract;

import dev.nb2prod.extract.ExtractionPlan.Dependency;
import dev.nb2prod.extract.ExtractionPlan.SecretVariable;
import dev.nb2prod.extract.ExtractionPlan.StageFunction;
import dev.nb2prod.extract.write.ConfigYaml;
import dev.nb2prod.extract.write.ContractsRenderer;
import dev.nb2prod.extract.plan.Identifiers;
import dev.nb2prod.extract.write.DataFixtures;
import dev.nb2prod.extract.write.FileNames;
import dev.nb2prod.extract.write.MonitoringRenderer;
import dev.nb2prod.extract.write.NotebookCopy;
import dev.nb2prod.extract.write.NotebookAsserts;
import dev.nb2prod.extract.write.NotebookEvidence;
import dev.nb2prod.extract.write.PipelineRenderer;
import dev.nb2prod.extract.write.ProfileJson;
import dev.nb2prod.extract.write.PyText;
import dev.nb2prod.extract.write.ResultsManifest;
import dev.nb2prod.extract.write.Schedule;
import dev.nb2prod.extract.write.ScheduleChoice;
import dev.nb2prod.extract.write.ScheduleRenderer;
import dev.nb2prod.extract.write.SettingsRenderer;
import dev.nb2prod.extract.write.StageModuleRenderer;
import dev.nb2prod.extract.write.Template;
import dev.nb2prod.extract.write.TestsRenderer;
import dev.nb2prod.extract.write.TreeWriter;
import dev.nb2prod.extract.write.Wiring;
import dev.nb2prod.extract.write.WriteRefused;
import dev.nb2prod.rules.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes the package an {@link ExtractionPlan} describes: renders every file from the templates under
 * {@code extract/templates/} (Java supplies only the variable parts), then writes the tree into DIR all at once
 * (see {@link TreeWriter}). The output is deterministic: the same plan and notebook give the same bytes.
 */
public final class PackageWriter {
    /**
     * What to write besides the plan.
     *
     * @param notebookFile the original notebook (copied without outputs or secrets; data files next to it become
     *     test fixtures)
     * @param findings the notebook's findings (the credential ones locate secrets to keep out of the copy)
     * @param schedule the schedule files to write (see {@link ScheduleRenderer}); empty: the one
     *     {@link ScheduleChoice} recommends for the pipeline's shape
     * @param fixtureRows the most data rows a test fixture made from a delimited file keeps
     */
    public record Source(Path notebookFile, List<Finding> findings, Optional<Schedule> schedule, int fixtureRows) {
        public Source {
            findings = List.copyOf(findings);
            if (fixtureRows < 1) {
                throw new IllegalArgumentException("fixtureRows must be positive, got " + fixtureRows);
            }
        }

        public Source(Path notebookFile, List<Finding> findings, Optional<Schedule> schedule) {
            this(notebookFile, findings, schedule, DataFixtures.DEFAULT_ROWS);
        }

        /** The files of the given schedule ({@code none}: no schedule file). */
        public Source(Path notebookFile, List<Finding> findings, Schedule schedule) {
            this(notebookFile, findings, Optional.of(schedule));
        }

        /** The files of the recommended schedule. */
        public Source(Path notebookFile, List<Finding> findings) {
            this(notebookFile, findings, Optional.empty());
        }
    }

    /** Renders and writes the package into {@code dir}; see {@link TreeWriter#write} for the guarantees. */
    public void write(ExtractionPlan plan, Source source, Path dir, boolean force) throws IOException, WriteRefused {
        TreeWriter.write(render(plan, source), dir, force);
    }

    /** Every file of the package by relative path (with {@code /}), in sorted order. */
    public SortedMap<String, byte[]> render(ExtractionPlan plan, Source source) throws IOException {
        String pkg = plan.packageName();
        if (!Identifiers.isIdentifier(pkg) || FileNames.isReserved(pkg)) {
            throw new IllegalStateException("package name " + pkg + " is not a Python identifier");
        }
        for (StageFunction function : plan.functions()) {
            if (!Identifiers.isIdentifier(function.name())) {
                throw new IllegalStateException("function name " + function.name() + " is not a Python identifier");
            }
        }
        Wiring wiring = new Wiring(plan);
        Path folder = source.notebookFile().toAbsolutePath().normalize().getParent();
        List<DataFixtures.Fixture> fixtures = DataFixtures.find(wiring, folder, source.fixtureRows());
        String envPrefix = pkg.toUpperCase(Locale.ROOT);

        Map<String, String> text = new TreeMap<>();
        SortedMap<String, byte[]> files = new TreeMap<>();
        text.put("pyproject.toml", pyproject(plan));
        PipelineRenderer pipeline = new PipelineRenderer(wiring);
        ScheduleRenderer scheduleFiles = new ScheduleRenderer(wiring, pipeline);
        // a schedule named with --schedule needs no reason in the README
        ScheduleChoice choice = source.schedule().map(s -> new ScheduleChoice(s, ""))
            .orElseGet(() -> ScheduleChoice.of(wiring));
        Schedule schedule = choice.schedule();
        String reason = choice.reason();
        text.put("README.md", readme(plan, fixtures, envPrefix, scheduleFiles.readme(schedule, reason)));
        text.put("config.yaml", Template.load("config.yaml.tmpl").render(Map.of(
            "project", plan.projectName(), "env_prefix", envPrefix,
            "keys", ConfigYaml.render(configKeys(plan)))));
        text.put(".gitignore", Template.load("gitignore.tmpl").render(Map.of()));
        text.put(".env.example", Template.load("env.example.tmpl").render(Map.of("variables", envLines(plan))));
        String original = Files.readString(source.notebookFile(), StandardCharsets.UTF_8);
        files.put("notebooks/" + FileNames.notebook(source.notebookFile().getFileName().toString()),
            NotebookCopy.clean(original, source.findings(), plan.secrets()).getBytes(StandardCharsets.UTF_8));

        String src = "src/" + pkg + "/";
        text.put(src + "__init__.py", Template.load("src/__init__.py.tmpl").render(Map.of(
            "title", PyText.docText(plan.title()), "description", docBlock(plan.description()))));
        text.put(src + "__main__.py", Template.load("src/__main__.py.tmpl").render(Map.of(
            "package", pkg, "project", plan.projectName(), "summary", PyText.quote(summary(plan)))));
        text.put(src + "config.py", Template.load("src/config.py.tmpl").render(Map.of(
            "env_prefix", envPrefix, "required", required(plan),
            "dataclass_import", plan.settings().isEmpty() ? "" : "from dataclasses import dataclass\n",
            "settings", SettingsRenderer.render(plan.settings()))));
        artifacts(plan).ifPresent(code -> text.put(src + "artifacts.py", code));
        text.put("nb2prod.json", ResultsManifest.render(plan));
        ProfileJson.render(fixtures).ifPresent(json -> text.put(src + "reference_profile.json", json));
        ContractsRenderer contracts = new ContractsRenderer(plan, fixtures);
        contracts.contracts().ifPresent(code -> text.put(src + "contracts.py", code));
        contracts.tests().ifPresent(code -> text.put("tests/test_contracts.py", code));
        text.put(src + "pipeline.py", pipeline.pipeline(contracts.contracts().isPresent()));
        MonitoringRenderer monitoring = new MonitoringRenderer(wiring);
        text.put(src + "monitoring.py", monitoring.monitoring());
        text.put(src + "drift.py", monitoring.drift());
        StageModuleRenderer modules = new StageModuleRenderer(wiring);
        TestsRenderer tests = new TestsRenderer(wiring, fixtures);
        if (plan.helpers().stream().anyMatch(h -> h.stage().isEmpty())) {
            text.put(src + ExtractionPlan.SHARED_MODULE + ".py", modules.renderShared());
        }
        dev.nb2prod.notebook.Notebook notebook = notebook(source.notebookFile());
        Set<String> columns = new TreeSet<>();
        fixtures.forEach(f -> f.profile().ifPresent(p -> columns.addAll(p.columns().keySet())));
        List<NotebookAsserts.Check> checks = NotebookAsserts.find(notebook, plan, columns);
        for (Stage stage : plan.stages()) {
            text.put(src + stage.module() + ".py", modules.render(stage));
            text.put("tests/test_" + stage.module() + ".py", tests.stageTest(stage, checks));
        }
        text.put("tests/conftest.py", tests.conftest());
        text.put("tests/snapshots.py", Template.load("tests/snapshots.py.tmpl").render(Map.of()));
        List<NotebookEvidence.Item> shown = NotebookEvidence.of(notebook, plan,
            source.findings());
        text.put("tests/test_pipeline.py", tests.pipelineTest(shown));
        if (!shown.isEmpty()) {
            text.put("tests/evidence.py", Template.load("tests/evidence.py.tmpl").render(Map.of()));
        }
        for (DataFixtures.Fixture fixture : fixtures) {
            if (fixture.content().isPresent()) {
                files.putIfAbsent("tests/fixtures/" + fixture.fileName(), fixture.content().get());
            }
        }
        text.put("data/raw/.gitkeep", "");
        text.put("data/processed/.gitkeep", "");
        text.putAll(scheduleFiles.files(schedule));
        text.forEach((path, content) -> files.put(path, tidy(content).getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static dev.nb2prod.notebook.Notebook notebook(Path file) throws IOException {
        try {
            return new dev.nb2prod.notebook.NotebookReader().read(file);
        } catch (dev.nb2prod.notebook.NotebookReadException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** artifacts.py, with the helpers that save the figures and the models, when the pipeline saves any. */
    private static java.util.Optional<String> artifacts(ExtractionPlan plan) {
        boolean figures = plan.results().stream().anyMatch(r -> r.kind() == ExtractionPlan.ResultKind.FIGURE);
        boolean models = plan.results().stream().anyMatch(r -> r.kind() == ExtractionPlan.ResultKind.MODEL_FILE);
        if (!figures && !models) {
            return java.util.Optional.empty();
        }
        List<String> imports = new ArrayList<>();
        StringBuilder functions = new StringBuilder();
        if (models) {
            imports.add("import pickle");
        }
        imports.add("from pathlib import Path");
        if (figures) {
            imports.add("");
            imports.add("import matplotlib.pyplot as plt");
            functions.append(Template.load("src/artifacts/save_figure.py.tmpl").render(Map.of()));
        }
        if (models) {
            functions.append(Template.load("src/artifacts/save_model.py.tmpl").render(Map.of()));
        }
        return java.util.Optional.of(Template.load("src/artifacts.py.tmpl").render(Map.of(
            "imports", String.join("\n", imports) + "\n", "functions", functions.toString())));
    }

    /** Trailing spaces removed, exactly one final newline (none for an empty file). */
    private static String tidy(String content) {
        String joined = content.lines().map(String::stripTrailing).collect(Collectors.joining("\n"))
            .replaceAll("\\n+$", "");
        return joined.isEmpty() ? "" : joined + "\n";
    }

    private static String summary(ExtractionPlan plan) {
        String first = plan.description().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String text = first.isEmpty() ? plan.title() : first;
        text = text.replaceAll("[`*_#>]", "").replaceAll("\\s+", " ").strip();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** The description as docstring text: safe characters, wrapped at 79 columns. */
    private static String docBlock(String description) {
        List<String> out = new ArrayList<>();
        for (String line : description.strip().split("\n", -1)) {
            String safe = PyText.docText(line);
            out.addAll(PyText.wrap(safe, PyText.MAX_LINE));
        }
        String joined = String.join("\n", out).strip();
        return joined.isEmpty() ? "Generated by nb2prod from a notebook." : joined;
    }

    /** The keys of config.yaml: the roots, the plan's keys, the monitoring settings. */
    private static List<ExtractionPlan.ConfigKey> configKeys(ExtractionPlan plan) {
        return MonitoringRenderer.withThreshold(ConfigYaml.withRoots(plan.config()));
    }

    private static String required(ExtractionPlan plan) {
        StringBuilder out = new StringBuilder();
        for (ExtractionPlan.ConfigKey key : configKeys(plan)) {
            out.append("    ").append(PyText.quote(key.key())).append(": ").append(Wiring.typeOf(key)).append(",\n");
        }
        return out.toString();
    }

    private static String envLines(ExtractionPlan plan) {
        if (plan.secrets().isEmpty()) {
            return "# (none: the pipeline reads no secret)";
        }
        return plan.secrets().stream().map(SecretVariable::variable).distinct().sorted()
            .map(v -> v + "=").collect(Collectors.joining("\n"));
    }

    private static List<Dependency> dependencies(ExtractionPlan plan) {
        Map<String, Dependency> byName = new TreeMap<>();
        for (Dependency dependency : plan.dependencies()) {
            byName.putIfAbsent(dependency.distribution().toLowerCase(Locale.ROOT), dependency);
        }
        byName.putIfAbsent("pyyaml", new Dependency("pyyaml", "yaml", ""));
        return new ArrayList<>(byName.values());
    }

    private static String requirement(Dependency dependency) {
        String version = dependency.version().strip();
        if (version.isEmpty()) {
            return dependency.distribution();
        }
        return dependency.distribution() + (Character.isDigit(version.charAt(0)) ? "==" : "") + version;
    }

    private static String tomlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", " ") + "\"";
    }

    private static String pyproject(ExtractionPlan plan) {
        String deps = dependencies(plan).stream().map(d -> "    " + tomlString(requirement(d)) + ",\n")
            .collect(Collectors.joining());
        return Template.load("pyproject.toml.tmpl").render(Map.of(
            "project", plan.projectName(), "package", plan.packageName(),
            "summary", tomlString(summary(plan)).replaceAll("^\"|\"$", ""), "dependencies", deps));
    }

    /** Where the input files go and where the outputs land, for the README. */
    private static String dataSection(ExtractionPlan plan) {
        StringBuilder out = new StringBuilder("Input files are read relative to `data_root` and output files written "
            + "relative to `output_root`; both default to `.`, the folder of `config.yaml` (a relative root is "
            + "relative to that folder, so the pipeline runs the same from any directory).");
        List<ExtractionPlan.ConfigKey> inputs = plan.config().stream()
            .filter(k -> k.path() == ExtractionPlan.PathRole.INPUT).toList();
        List<ExtractionPlan.ConfigKey> outputs = plan.config().stream()
            .filter(k -> k.path() == ExtractionPlan.PathRole.OUTPUT).toList();
        if (!inputs.isEmpty()) {
            out.append(" Copy the notebook's data files, with their paths relative to the notebook, under the "
                + "package root, or set `data_root` to the folder that holds them (e.g. the notebook's folder):\n\n");
            inputs.forEach(k -> out.append("- `").append(DataFixtures.unquote(k.yamlValue())).append("` (`")
                .append(k.key()).append("`)\n"));
        }
        if (!outputs.isEmpty()) {
            out.append(inputs.isEmpty() ? " " : "\n").append("The pipeline writes (folders are created):\n\n");
            outputs.forEach(k -> out.append("- `").append(DataFixtures.unquote(k.yamlValue())).append("` (`")
                .append(k.key()).append("`)\n"));
        }
        return out.toString().strip();
    }

    private static String readme(ExtractionPlan plan, List<DataFixtures.Fixture> fixtures, String envPrefix,
        String schedule) {
        Map<String, String> values = new HashMap<>();
        values.put("schedule", schedule);
        values.put("title", plan.title().strip().isEmpty() ? plan.projectName() : plan.title().strip());
        values.put("description", plan.description().strip().isEmpty()
            ? "A data pipeline extracted from a notebook." : plan.description().strip());
        values.put("notebook", Path.of(plan.notebookPath()).getFileName().toString());
        values.put("package", plan.packageName());
        values.put("project", plan.projectName());
        values.put("env_prefix", envPrefix);
        StringBuilder modules = new StringBuilder();
        for (Stage stage : plan.stages()) {
            String names = plan.functions().stream().filter(f -> f.stage() == stage)
                .map(f -> "`" + f.name() + "`").collect(Collectors.joining(", "));
            modules.append("- `src/").append(plan.packageName()).append('/').append(stage.module()).append(".py`: ")
                .append(stage.description()).append(" (").append(names).append(")\n");
        }
        modules.append("- `src/").append(plan.packageName())
            .append("/pipeline.py`: `run_pipeline(config)` calls them in order.");
        values.put("modules", modules.toString());
        if (plan.secrets().isEmpty()) {
            values.put("secrets", "The pipeline reads no secrets.");
        } else {
            StringBuilder secrets = new StringBuilder("The pipeline reads these secrets from the environment; copy "
                + "`.env.example` to `.env`, fill it in and export it (never commit `.env`):\n\n");
            for (SecretVariable secret : plan.secrets()) {
                secrets.append("- `").append(secret.variable()).append("`: ").append(secret.kind())
                    .append(" (was written in the notebook, ").append(secret.origin())
                    .append(": rotate it, it is still in the notebook's history)\n");
            }
            values.put("secrets", secrets.toString().strip());
        }
        values.put("data", dataSection(plan));
        values.put("outputs", ResultsManifest.markdown(plan));
        StringBuilder fixtureText = new StringBuilder();
        if (fixtures.isEmpty()) {
            fixtureText.append("The tests run the pipeline with `config.yaml` as it is.");
        }
        for (DataFixtures.Fixture fixture : fixtures) {
            fixtureText.append(fixture.content().isPresent()
                ? "The tests read `tests/fixtures/" + fixture.fileName() + "`, made from the notebook's data (`"
                    + fixture.key().key() + "`): " + fixture.note() + ".\n"
                : "The tests need a small sample of the data of `" + fixture.key().key() + "` in `tests/fixtures/"
                    + fixture.fileName() + "`; they are skipped until it is there.\n");
        }
        values.put("fixtures", fixtureText.toString().strip());
        StringBuilder deps = new StringBuilder();
        List<String> unpinned = new ArrayList<>();
        for (Dependency dependency : dependencies(plan)) {
            deps.append("- `").append(requirement(dependency)).append("`\n");
            if (dependency.version().isBlank()) {
                unpinned.add("`" + dependency.distribution() + "`");
            }
        }
        if (!unpinned.isEmpty()) {
            deps.append("\nNot pinned yet (the notebook does not say which version it ran with): ")
                .append(String.join(", ", unpinned)).append(". Pin the versions you tested with in `pyproject.toml`.");
        }
        values.put("dependencies", deps.toString().strip());
        values.put("todos", plan.todos().isEmpty() ? "Nothing left open."
            : plan.todos().stream().map(t -> "- [ ] " + t.replaceAll("\\s+", " ").strip())
                .collect(Collectors.joining("\n")));
        return Template.load("README.md.tmpl").render(values);
    }
}

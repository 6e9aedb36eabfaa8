package dev.nb2prod.extract;

import java.util.List;
import java.util.Optional;

/**
 * What {@code nb2prod extract} will generate from a notebook, decided before anything is written. The planner
 * ({@link Planner}) builds it from the analysed notebook, its cell graph and the rule findings; the writer
 * ({@link PackageWriter}) turns it into files; {@code --plan} prints it for a reviewer.
 *
 * @param notebookPath the notebook as the user named it
 * @param projectName the distribution name, e.g. {@code churn-analysis}
 * @param packageName the import package, a valid Python identifier, e.g. {@code churn_analysis}
 * @param title a human title (the notebook's first heading, else its file name)
 * @param description what the pipeline does (from the notebook's first markdown cell), may be empty
 * @param cells one decision per code cell, in notebook order
 * @param functions the generated functions in pipeline order (the order run_pipeline calls them)
 * @param config the configuration keys hoisted out of the code, in the order they appear in config.yaml
 * @param secrets the secrets now read from the environment
 * @param dependencies third-party distributions the code imports
 * @param outputs the names run_pipeline returns (the notebook's terminal artifacts), in order
 * @param todos what a person still has to do, for the generated README
 */
public record ExtractionPlan(
    String notebookPath, String projectName, String packageName, String title, String description,
    List<CellDecision> cells, List<StageFunction> functions, List<ConfigKey> config, List<SecretVariable> secrets,
    List<Dependency> dependencies, List<String> outputs, List<String> todos) {
    public ExtractionPlan {
        cells = List.copyOf(cells);
        functions = List.copyOf(functions);
        config = List.copyOf(config);
        secrets = List.copyOf(secrets);
        dependencies = List.copyOf(dependencies);
        outputs = List.copyOf(outputs);
        todos = List.copyOf(todos);
    }

    /** The stages that have code, in pipeline order. */
    public List<Stage> stages() {
        return functions.stream().map(StageFunction::stage).distinct().sorted().toList();
    }

    /**
     * What happens to one code cell.
     *
     * @param cellIndex 0-based index among all cells
     * @param kept true when its code goes into a function
     * @param reason why it is kept or dropped (e.g. "exploratory: nothing essential depends on it")
     * @param function the function its code goes into, when kept
     */
    public record CellDecision(int cellIndex, boolean kept, String reason, Optional<String> function) {}

    /**
     * A generated function.
     *
     * @param name a snake_case name from the heading above the cells or their main variable
     * @param stage the stage (module) it belongs to
     * @param cells the cells whose code it holds
     * @param docstring the summary line (from the markdown above), without quotes
     * @param parameters inputs: names used from earlier functions, then configuration values
     * @param returns names later functions (or the pipeline's outputs) use, in order
     * @param copiedOnEntry DataFrame parameters the body changes in place, copied on entry
     * @param body the rewritten Python body, dedented (4-space indentation is added by the writer), without
     *     the return statement and without imports
     * @param imports the import statements the body needs, one per line, as written in the notebook
     */
    public record StageFunction(
        String name, Stage stage, List<Integer> cells, String docstring, List<Parameter> parameters,
        List<Returned> returns, List<String> copiedOnEntry, String body, List<String> imports) {
        public StageFunction {
            cells = List.copyOf(cells);
            parameters = List.copyOf(parameters);
            returns = List.copyOf(returns);
            copiedOnEntry = List.copyOf(copiedOnEntry);
            imports = List.copyOf(imports);
        }
    }

    /**
     * A function parameter.
     *
     * @param name the Python name
     * @param typeHint e.g. {@code pd.DataFrame}, {@code float}, or empty when unknown
     * @param configKey the dotted config key that feeds it, or empty for a value from an earlier function
     */
    public record Parameter(String name, String typeHint, String configKey) {}

    /** A returned value and its type hint (empty when unknown). */
    public record Returned(String name, String typeHint) {}

    /**
     * A value moved from the code to config.yaml.
     *
     * @param key dotted key, e.g. {@code min_revenue} or {@code model.max_depth}
     * @param yamlValue the value as YAML (a number, a quoted string, true/false)
     * @param pythonType {@code int}, {@code float}, {@code str} or {@code bool}
     * @param comment where it came from, e.g. "cell 12, line 2: df[df.revenue > 1000]"
     * @param path whether the value is a file path and which root it is relative to: {@link PathRole#INPUT} for a
     *     file the notebook reads (resolved against {@code data_root}), {@link PathRole#OUTPUT} for a file it writes
     *     (resolved against {@code output_root}), {@link PathRole#NONE} for any other value
     */
    public record ConfigKey(String key, String yamlValue, String pythonType, String comment, PathRole path) {
        /** True for an input or output file path. */
        public boolean isPath() {
            return path != PathRole.NONE;
        }
    }

    /**
     * What a configuration value is as a path. The generated package resolves a relative INPUT path against the
     * top-level {@code data_root} key and a relative OUTPUT path against {@code output_root} (creating its parent
     * folders); both roots default to the folder of config.yaml. The value keeps the path as the notebook wrote it
     * (relative to the notebook's folder), so {@code data_root} = the notebook's folder reads the notebook's data.
     */
    public enum PathRole { NONE, INPUT, OUTPUT }

    /**
     * A secret the code now reads from the environment.
     *
     * @param variable the environment variable, e.g. {@code API_KEY}
     * @param kind what it is, e.g. "Stripe live key" (never the value)
     * @param origin where it was, e.g. "cell 3, line 3"
     */
    public record SecretVariable(String variable, String kind, String origin) {}

    /**
     * A third-party distribution.
     *
     * @param distribution the PyPI name, e.g. {@code scikit-learn}
     * @param importName the import name, e.g. {@code sklearn}
     * @param version a pinned version when the notebook reveals one, else empty
     */
    public record Dependency(String distribution, String importName, String version) {}
}

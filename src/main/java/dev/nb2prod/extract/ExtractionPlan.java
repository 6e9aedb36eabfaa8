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
 * @param helpers functions and classes the notebook defines, moved to module level of a stage module
 * @param functions the generated step functions in pipeline order (the order run_pipeline calls them)
 * @param config the configuration keys hoisted out of the code, in the order they appear in config.yaml
 * @param settings per stage, the typed settings object its functions receive (a frozen dataclass)
 * @param secrets the secrets now read from the environment
 * @param dependencies third-party distributions the code imports
 * @param results what run_pipeline returns: the notebook's results, in notebook order
 * @param todos what a person still has to do, for the generated README
 */
public record ExtractionPlan(
    String notebookPath, String projectName, String packageName, String title, String description,
    List<CellDecision> cells, List<Helper> helpers, List<StageFunction> functions, List<ConfigKey> config,
    List<Settings> settings, List<SecretVariable> secrets, List<Dependency> dependencies, List<PlanResult> results,
    List<String> todos) {
    public ExtractionPlan {
        cells = List.copyOf(cells);
        helpers = List.copyOf(helpers);
        functions = List.copyOf(functions);
        config = List.copyOf(config);
        settings = List.copyOf(settings);
        secrets = List.copyOf(secrets);
        dependencies = List.copyOf(dependencies);
        results = List.copyOf(results);
        todos = List.copyOf(todos);
    }

    /** The stages that have code, in pipeline order. */
    public List<Stage> stages() {
        java.util.SortedSet<Stage> stages = new java.util.TreeSet<>();
        functions.forEach(f -> stages.add(f.stage()));
        helpers.forEach(h -> h.stage().ifPresent(stages::add));
        return List.copyOf(stages);
    }

    /** The names run_pipeline returns, in order. */
    public List<String> outputs() {
        return results.stream().map(PlanResult::name).toList();
    }

    /** The settings object of a stage, if its functions read configuration. */
    public Optional<Settings> settings(Stage stage) {
        return settings.stream().filter(s -> s.stage() == stage).findFirst();
    }

    /**
     * What happens to one code cell.
     *
     * @param cellIndex 0-based index among all cells
     * @param kept true when its code goes into a function
     * @param drop why it is dropped, a reason a test can check against the notebook (empty when kept)
     * @param reason why it is kept or dropped, for a person (e.g. "exploratory: no result depends on it")
     * @param functions the functions its code goes into, when kept
     */
    public record CellDecision(int cellIndex, boolean kept, Optional<DropReason> drop, String reason,
                               List<String> functions) {
        public CellDecision {
            functions = List.copyOf(functions);
        }

        /** The first function, if any (most cells go into one). */
        public Optional<String> function() {
            return functions.isEmpty() ? Optional.empty() : Optional.of(functions.get(0));
        }
    }

    /** Why a code cell is dropped. */
    public enum DropReason {
        /** Its source is blank. */
        EMPTY,
        /** Every statement is an IPython command (a magic, a shell escape, help): no Python to keep. */
        MAGIC_ONLY,
        /** No result depends on it: no kept cell reads what it defines or changes, and it produces no result. */
        EXPLORATORY,
        /** It does not parse and never ran (no execution count, no outputs). */
        UNPARSED_NEVER_RAN,
        /** It ran but does not parse, and the user asked to go on without it ({@code --drop-unparsed}). */
        UNPARSED_ON_REQUEST
    }

    /**
     * A function or class the notebook defines, moved out of its cell to module level.
     *
     * @param name the name it is defined under
     * @param stage the stage module it goes into when only that stage's functions use it, else empty: the shared
     *     module {@code helpers.py}
     * @param cell the 0-based index of the cell that defines it
     * @param code the definition, dedented, rewritten (free notebook names made parameters)
     * @param imports the import statements it needs
     */
    public record Helper(String name, Optional<Stage> stage, int cell, String code, List<String> imports) {
        public Helper {
            imports = List.copyOf(imports);
        }

        /** The module it is in: its stage's, or {@value #SHARED_MODULE}. */
        public String module() {
            return stage.map(Stage::module).orElse(SHARED_MODULE);
        }
    }

    /** The module of the helpers several stages use. */
    public static final String SHARED_MODULE = "helpers";

    /**
     * A generated step function.
     *
     * @param name a snake_case name from what it computes, or the heading above its code
     * @param stage the stage (module) it belongs to
     * @param cells the cells whose code it holds
     * @param docstring the summary line: what the function computes, without quotes
     * @param details a longer description from the notebook's markdown, or empty
     * @param parameters inputs: values from earlier functions, then the stage's settings object when it reads any
     * @param returns names later functions (or the pipeline's results) use, in order
     * @param resultClass the name of the NamedTuple it returns when it returns more than four values, else empty
     * @param copiedOnEntry parameters the body changes in place, copied on entry
     * @param body the rewritten Python body, dedented (4-space indentation is added by the writer), without
     *     the return statement and without imports
     * @param imports the import statements the body needs, one per line, as written in the notebook
     */
    public record StageFunction(
        String name, Stage stage, List<Integer> cells, String docstring, String details, List<Parameter> parameters,
        List<Returned> returns, String resultClass, List<String> copiedOnEntry, String body, List<String> imports) {
        public StageFunction {
            cells = List.copyOf(cells);
            parameters = List.copyOf(parameters);
            returns = List.copyOf(returns);
            copiedOnEntry = List.copyOf(copiedOnEntry);
            imports = List.copyOf(imports);
        }

        /** The settings parameter, if the function reads configuration. */
        public Optional<Parameter> settingsParameter() {
            return parameters.stream().filter(Parameter::settings).findFirst();
        }
    }

    /**
     * A function parameter.
     *
     * @param name the Python name
     * @param typeHint e.g. {@code pd.DataFrame}, {@code float}, or empty when unknown
     * @param settings true for the stage's settings object ({@code params: TrainingParams}), built from config
     * @param fields for the NamedTuple an earlier function returns, passed whole: the fields the body reads
     *     (bound from it on entry); empty for a plain value
     */
    public record Parameter(String name, String typeHint, boolean settings, List<String> fields) {
        public Parameter {
            fields = List.copyOf(fields);
        }

        public Parameter(String name, String typeHint, boolean settings) {
            this(name, typeHint, settings, List.of());
        }

        /** True for an earlier function's whole NamedTuple result. */
        public boolean bundle() {
            return !fields.isEmpty();
        }
    }

    /** A returned value and its type hint (empty when unknown). */
    public record Returned(String name, String typeHint) {}

    /**
     * A value moved from the code to config.yaml.
     *
     * @param key dotted key: {@code section.field} for a value of one stage ({@code training.max_depth}), a bare
     *     {@code field} for a value several stages read ({@code random_seed})
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

        /** The last segment of the key: the field of the settings object. */
        public String field() {
            return key.substring(key.lastIndexOf('.') + 1);
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
     * The settings of one stage: a frozen dataclass {@code <Stage>Params} in config.py, built from the stage's
     * section of config.yaml (and the shared top-level keys it reads), passed to its functions as {@code params}.
     *
     * @param stage the stage
     * @param className e.g. {@code TrainingParams}
     * @param keys the configuration keys it holds, in config order (each becomes a field named {@link ConfigKey#field})
     */
    public record Settings(Stage stage, String className, List<ConfigKey> keys) {
        public Settings {
            keys = List.copyOf(keys);
        }
    }

    /**
     * One of the notebook's results, returned by run_pipeline under {@code name}.
     *
     * @param name the key in run_pipeline's result, e.g. {@code lr_auc}
     * @param kind what it is
     * @param cell the 0-based index of the cell it comes from
     * @param function the function that returns it, or empty when pipeline.py computes it (a saved model's file, a
     *     written file's path)
     * @param typeHint its type when known, else empty
     * @param source in the notebook: the variable that holds it after {@code cell} ran, or empty for the value the
     *     cell displays (its last expression)
     * @param file where the package writes it, relative to output_root ({@code figures/x.png}, {@code models/rf.joblib}),
     *     or empty
     * @param description how the plan shows it, e.g. {@code segment_churn('plan') (displayed)}
     */
    public record PlanResult(String name, ResultKind kind, int cell, String function, String typeHint, String source,
                             String file, String description) {}

    /** The kinds of results. */
    public enum ResultKind {
        /** A value a cell displays: compared by value. */
        DISPLAYED,
        /** A metric a cell computes into a name: compared by value. */
        METRIC,
        /** A fitted model: compared by predictions (or, weakly, parameters). */
        MODEL,
        /** The file a fitted model is saved to. */
        MODEL_FILE,
        /** A figure saved as an image: compared by existence. */
        FIGURE,
        /** A file the notebook writes: compared by content. */
        FILE
    }

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

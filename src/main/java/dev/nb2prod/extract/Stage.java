package dev.nb2prod.extract;

/** Pipeline stages, in pipeline order; each becomes one module of the generated package (when it has code). */
public enum Stage {
    INGESTION("ingestion", "Reading the raw data."),
    PREPROCESSING("preprocessing", "Cleaning, filtering and typing the data."),
    FEATURES("features", "Derived columns, encodings and feature matrices."),
    TRAINING("training", "Fitting models."),
    EVALUATION("evaluation", "Scoring models on held-out data."),
    REPORTING("reporting", "Figures, tables and files written for people.");

    private final String module;
    private final String description;

    Stage(String module, String description) {
        this.module = module;
        this.description = description;
    }

    /** The module name in the generated package, e.g. {@code preprocessing}. */
    public String module() {
        return module;
    }

    public String description() {
        return description;
    }
}

package dev.nb2prod.verify;

import java.util.Locale;

/**
 * The comparison of one artifact: a result of the package's {@code nb2prod.json}, a terminal value of the notebook
 * (a package without one), or a file the notebook writes ({@code file:PATH}).
 *
 * @param name the result's name, the variable name, or {@code file:} and the path relative to the notebook's folder
 * @param kind what it is, which decides how it counts (results, figures, model files, other written files)
 * @param status same, weak, different, missing, or not reproducible
 * @param detail a short explanation: how the values differ, why a comparison is weak, or a note on a match (e.g.
 *     "same up to row order")
 */
public record ArtifactResult(String name, Kind kind, Status status, String detail) {
    /** What was compared. */
    public enum Kind {
        /** A value a cell displays (or a variable it shows), captured right after that cell ran. */
        DISPLAYED,
        /** A metric, captured right after its cell ran. */
        METRIC,
        /** A fitted model: compared by parameters and predictions (weakly: by parameters alone). */
        MODEL,
        /** The file the package saves a model to: it exists and loads. */
        MODEL_FILE,
        /**
         * A figure: the cell shows images and the package saved as many, drawing the same data and texts (weak when
         * what either draws is unknown).
         */
        FIGURE,
        /** A file the notebook writes, returned by the package as a result: compared by content. */
        FILE,
        /** A terminal value of the notebook, compared by variable name (a package whose results are unknown). */
        VALUE,
        /** A file the notebook writes that is not a result of its own: compared by content. */
        WRITTEN_FILE;

        /** The kinds the summary counts as results: values and files compared by content. */
        public boolean isResult() {
            return this == DISPLAYED || this == METRIC || this == MODEL || this == FILE || this == VALUE;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** The kind of a name in {@code nb2prod.json} or in the helper's report ({@code model_file}). */
        static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(text)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown kind " + text);
        }
    }

    public enum Status {
        /**
         * Compared (by value, content or predictions; a figure by what it draws; a model file by existence and
         * loading) and the same.
         */
        SAME,
        /** Nothing differs, but the comparison could only be weak: by type, parameters or existence. */
        WEAK,
        DIFFERENT,
        MISSING,
        /** Different from the package, and two runs of the notebook itself give different values too. */
        NOT_REPRODUCIBLE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public ArtifactResult {
        detail = detail == null ? "" : detail;
    }

    /**
     * A comparison that proves something: the same by value, content, predictions or drawn data (not a model file's
     * existence; a figure known only to exist is {@link Status#WEAK}).
     */
    public boolean strong() {
        return status == Status.SAME && kind != Kind.MODEL_FILE;
    }
}

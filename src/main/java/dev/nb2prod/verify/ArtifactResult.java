package dev.nb2prod.verify;

/**
 * The comparison of one artifact: a terminal value of the notebook, or a file it writes ({@code file:PATH}).
 *
 * @param name the variable name, or {@code file:} and the path relative to the notebook's folder
 * @param status same, different, missing, or not reproducible (different, and two runs of the notebook itself
 *     differ too)
 * @param detail a short explanation: how the values differ, or a note on a match (e.g. "same up to row order")
 */
public record ArtifactResult(String name, Status status, String detail) {
    public enum Status {
        SAME, DIFFERENT, MISSING,
        /** Different from the package, and two runs of the notebook itself give different values too. */
        NOT_REPRODUCIBLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public ArtifactResult {
        detail = detail == null ? "" : detail;
    }
}

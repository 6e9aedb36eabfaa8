package dev.nb2prod.verify;

/**
 * The comparison of one artifact: a terminal value of the notebook, or a file it writes ({@code file:PATH}).
 *
 * @param name the variable name, or {@code file:} and the path relative to the notebook's folder
 * @param status same, different or missing
 * @param detail a short explanation: how the values differ, or a note on a match (e.g. "same up to row order")
 */
public record ArtifactResult(String name, Status status, String detail) {
    public enum Status {
        SAME, DIFFERENT, MISSING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ArtifactResult {
        detail = detail == null ? "" : detail;
    }
}

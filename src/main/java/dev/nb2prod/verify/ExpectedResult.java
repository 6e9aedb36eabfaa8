package dev.nb2prod.verify;

/**
 * One result the package's {@code run_pipeline} returns, as {@code nb2prod.json} (or the plan of the notebook)
 * describes it.
 *
 * @param name the key in the dict run_pipeline returns
 * @param kind displayed, metric, model, model file, figure or file
 * @param cell the 0-based index, among all cells of the notebook, of the cell after which the notebook holds it
 * @param source the notebook variable holding it after that cell, or empty for the value the cell displays
 * @param file for a figure or model file, where the package saves it under output_root; for a file, the
 *     configuration key of its path; else empty
 */
record ExpectedResult(String name, ArtifactResult.Kind kind, int cell, String source, String file) {
    ExpectedResult {
        if (kind == ArtifactResult.Kind.VALUE || kind == ArtifactResult.Kind.WRITTEN_FILE) {
            throw new IllegalArgumentException("not a result kind: " + kind);
        }
        source = source == null ? "" : source;
        file = file == null ? "" : file;
    }
}

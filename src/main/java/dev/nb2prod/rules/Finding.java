package dev.nb2prod.rules;

/**
 * One occurrence of an anti-pattern.
 *
 * @param code the rule code
 * @param severity the effective severity (after configuration)
 * @param message one line; secrets in it are already masked
 * @param path the notebook path as the user named it
 * @param cellIndex 0-based index of the cell among all cells
 * @param cellId the nbformat cell id, or empty
 * @param where where in the cell
 * @param fileLine the 1-based line of the .ipynb file the finding points at
 * @param fingerprint stable across line shifts: used by baselines and SARIF partialFingerprints
 * @param payload what the rule found, typed, for programs (see {@link Payload}); {@link Payload#NONE} when the
 *     rule gives none. Not part of the fingerprint nor of any report format.
 */
public record Finding(
    String code, Severity severity, String message, String path, int cellIndex, String cellId,
    Where where, int fileLine, String fingerprint, Payload payload) {

    public Finding {
        java.util.Objects.requireNonNull(payload);
    }

    /** A finding without payload. */
    public Finding(String code, Severity severity, String message, String path, int cellIndex, String cellId,
                   Where where, int fileLine, String fingerprint) {
        this(code, severity, message, path, cellIndex, cellId, where, fileLine, fingerprint, Payload.NONE);
    }

    /** A place inside a cell. Lines and columns are 1-based. */
    public sealed interface Where {
        /** Line and column inside the cell's source; end is inclusive of the last line, exclusive column. */
        record Source(int line, int column, int endLine, int endColumn) implements Where {}

        /** A line of the saved output number {@code output} (1-based) of the cell. */
        record Output(int output, int line, int column) implements Where {}
    }

    /** The line inside the cell source, or 1 for findings in outputs. */
    public int line() {
        return where instanceof Where.Source s ? s.line() : 1;
    }

    /** The column inside the cell source, or 1 for findings in outputs. */
    public int column() {
        return where instanceof Where.Source s ? s.column() : 1;
    }

    Finding withFingerprint(String newFingerprint) {
        return new Finding(code, severity, message, path, cellIndex, cellId, where, fileLine, newFingerprint, payload);
    }

    Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, message, path, cellIndex, cellId, where, fileLine, fingerprint, payload);
    }
}

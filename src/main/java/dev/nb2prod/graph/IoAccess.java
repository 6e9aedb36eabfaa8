package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Span;

/**
 * A place where a cell reads from or writes to the world outside the notebook.
 *
 * @param direction whether data comes in or goes out
 * @param call the call as written, e.g. {@code pd.read_csv} or {@code fig.savefig}
 * @param target the file, table or URL when it is a literal string, else empty
 * @param span where the call sits in the cell
 */
public record IoAccess(Direction direction, String call, String target, Span span) {
    public enum Direction { INPUT, OUTPUT }
}

package dev.nb2prod.graph;

import dev.nb2prod.python.ast.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * A place where a cell reads from or writes to the world outside the notebook.
 *
 * @param direction whether data comes in or goes out
 * @param call the call as written, e.g. {@code pd.read_csv} or {@code fig.savefig}
 * @param target the file, table or URL when it is a literal string, written as the argument or assigned to the
 *     variable given as the argument (see {@code origin}), else empty
 * @param span where the call sits in the cell
 * @param origin where the target comes from when the argument is a variable holding a literal string
 */
public record IoAccess(Direction direction, String call, String target, Span span, Optional<Origin> origin) {
    public enum Direction { INPUT, OUTPUT }

    public IoAccess {
        Objects.requireNonNull(origin);
    }

    /** An access whose target, if any, is written in the call itself. */
    public IoAccess(Direction direction, String call, String target, Span span) {
        this(direction, call, target, span, Optional.empty());
    }

    /**
     * The assignment {@code variable = "literal"} (or {@code variable = Path("literal")}) that gives the path
     * argument of the call its value: the last module-level binding of the variable before the call, in the
     * call's cell or, failing that, in the most recent cell above that defines the variable.
     *
     * @param variable the name given to the call
     * @param cell the 0-based index of the cell holding the assignment (the call's cell or one above)
     * @param literal the span of the string literal in that cell (its value is the access's target)
     */
    public record Origin(String variable, int cell, Span literal) {
        public Origin {
            Objects.requireNonNull(variable);
            Objects.requireNonNull(literal);
        }
    }
}

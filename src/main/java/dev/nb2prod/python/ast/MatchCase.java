package dev.nb2prod.python.ast;

import java.util.List;

/** {@code case pattern [if guard]: body}; {@code guard} nullable. */
public record MatchCase(Pattern pattern, Expr guard, List<Stmt> body, Span span) implements Node {
    public MatchCase {
        body = List.copyOf(body);
    }
}

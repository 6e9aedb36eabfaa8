package dev.nb2prod.python.ast;

import java.util.List;

/** {@code except type as name:} (also Python 2 {@code except type, name:}); {@code type} and {@code name} nullable. */
public record ExceptHandler(Expr type, String name, List<Stmt> body, Span span) implements Node {
    public ExceptHandler {
        body = List.copyOf(body);
    }
}

package dev.nb2prod.python.ast;

import java.util.List;

/** A whole cell (or the Python code carried by a magic). */
public record Module(List<Stmt> body, Span span) implements Node {
    public Module {
        body = List.copyOf(body);
    }
}

package dev.nb2prod.python.ast;

import java.util.List;

/** One {@code [async] for target in iter if ...} clause of a comprehension. */
public record Comprehension(Expr target, Expr iter, List<Expr> ifs, boolean async, Span span) implements Node {
    public Comprehension {
        ifs = List.copyOf(ifs);
    }
}
